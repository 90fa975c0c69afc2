package org.convderiv.graph;

import java.util.Optional;

/**
 * One line of a graph program, {@code q = x + y}. The name is empty for a bare expression, which
 * only the last statement may be.
 */
public record Statement(Optional<String> name, Expr expr, int column) {}
