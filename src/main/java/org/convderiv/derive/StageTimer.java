package org.convderiv.derive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time of each pipeline stage, in order, for --verbose and the benchmark. */
final class StageTimer {
  private final Map<String, Long> nanos = new LinkedHashMap<>();

  <T> T time(String stage, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    nanos.merge(stage, System.nanoTime() - start, Long::sum);
    return result;
  }

  Map<String, Long> times() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(nanos));
  }
}
