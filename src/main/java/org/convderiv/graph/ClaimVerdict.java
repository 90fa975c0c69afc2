package org.convderiv.graph;

/**
 * One claimed value checked against the others: {@code f = -12} against the claimed inputs.
 *
 * @param claim the claimed quantity, a node name or {@code df/dq}
 * @param explanation one line: what it was recomputed from, and how
 */
public record ClaimVerdict(
    String claim, double claimed, double recomputed, boolean consistent, String explanation) {}
