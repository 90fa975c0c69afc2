package org.convderiv.bench;

import java.util.List;

/** One layer of the benchmark, as derive options. */
public record BenchCase(String name, List<String> options, int sympyN, int sympyK) {

  /** The layers of the benchmark, from the article's case to a 64x64 input with 8 filters. */
  public static List<BenchCase> standard() {
    return List.of(
        new BenchCase("3x3 / 2x2", List.of("--input", "3x3", "--kernel", "2x2"), 3, 2),
        new BenchCase("8x8 / 3x3", List.of("--input", "8x8", "--kernel", "3x3"), 8, 3),
        new BenchCase("16x16 / 3x3", List.of("--input", "16x16", "--kernel", "3x3"), 16, 3),
        new BenchCase("28x28 / 5x5", List.of("--input", "28x28", "--kernel", "5x5"), 28, 5),
        new BenchCase("28x28, 3->8 / 3x3", List.of("--input", "28x28", "--kernel", "3x3",
            "--channels-in", "3", "--channels-out", "8"), 0, 0),
        new BenchCase("64x64, 3->8 / 3x3", List.of("--input", "64x64", "--kernel", "3x3",
            "--channels-in", "3", "--channels-out", "8"), 0, 0));
  }
}
