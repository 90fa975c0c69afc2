package org.convderiv.check;

/** A line of the input that holds no checkable claim, with where and why (1-based). */
public record Problem(int line, int column, String text, String message) {}
