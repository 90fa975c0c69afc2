package org.convderiv.check;

import java.util.ArrayList;
import java.util.List;

/** Offsets of a text to 1-based lines and columns. */
final class LineIndex {
  private final List<Integer> starts = new ArrayList<>();

  LineIndex(String content) {
    starts.add(0);
    for (int i = 0; i < content.length(); i++) {
      if (content.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
  }

  int line(int offset) {
    int lo = 0;
    int hi = starts.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (starts.get(mid) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  int column(int offset) {
    return offset - starts.get(line(offset) - 1) + 1;
  }
}
