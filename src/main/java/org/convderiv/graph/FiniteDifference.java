package org.convderiv.graph;

/**
 * Central finite difference (f(v + h) - f(v - h)) / 2h of the output against the backward pass,
 * for one input variable. Tolerances as PyTorch's gradcheck: |b - n| <= atol + rtol |n|.
 *
 * <p>The one-sided differences {@code left} = (f(v) - f(v - h)) / h and {@code right} =
 * (f(v + h) - f(v)) / h tell a kink: where they disagree (relu or max at a tie) the function has
 * no derivative, the central difference is only their mean, and the backward pass is right when
 * it gives one of the one-sided slopes or a value between them (a subgradient, as PyTorch's 0 for
 * relu at 0).
 */
public record FiniteDifference(String variable, double backward, double numeric, double step,
    double left, double right) {
  public static final double ATOL = 1e-5;
  public static final double RTOL = 1e-3;

  public static FiniteDifference of(String variable, double backward, double down, double mid,
      double up, double h) {
    return new FiniteDifference(variable, backward, (up - down) / (2 * h), h, (mid - down) / h,
        (up - mid) / h);
  }

  /** True where the two one-sided slopes disagree: no derivative exists at the point. */
  public boolean kink() {
    return !close(left, right);
  }

  public boolean agrees() {
    if (!kink()) {
      return close(backward, numeric);
    }
    double low = Math.min(left, right);
    double high = Math.max(left, right);
    return close(backward, low) || close(backward, high) || (backward > low && backward < high);
  }

  private static boolean close(double actual, double reference) {
    return Math.abs(actual - reference) <= ATOL + RTOL * Math.abs(reference);
  }
}
