package org.convderiv.graph;

/** d gate / d input on one edge of the graph: Symja's derivative and its value at the point. */
public record LocalGradient(String gate, String input, Expr expression, double value) {}
