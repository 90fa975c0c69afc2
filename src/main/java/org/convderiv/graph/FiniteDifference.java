package org.convderiv.graph;

/**
 * Central finite difference (f(v + h) - f(v - h)) / 2h of the output against the backward pass,
 * for one input variable. Tolerances as PyTorch's gradcheck: |b - n| <= atol + rtol |n|.
 */
public record FiniteDifference(String variable, double backward, double numeric, double step) {
  public static final double ATOL = 1e-5;
  public static final double RTOL = 1e-3;

  public boolean agrees() {
    return Math.abs(backward - numeric) <= ATOL + RTOL * Math.abs(numeric);
  }
}
