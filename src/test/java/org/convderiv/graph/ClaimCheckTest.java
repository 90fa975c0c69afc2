package org.convderiv.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {
  private final Backpropagation classic =
      new Backpropagation(GraphBuilder.parse("f = (x + y) * z"));

  private static Map<String, Double> claims(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  private static List<String> inconsistent(List<ClaimVerdict> verdicts) {
    return verdicts.stream().filter(v -> !v.consistent()).map(ClaimVerdict::claim).toList();
  }

  @Test
  void theFrenchTranslationsZ4IsCaughtInFAndInDfDq() {
    List<ClaimVerdict> v = ClaimCheck.check(classic,
        claims("x", -2, "y", 5, "z", 4, "f", -12, "df/dq", -4));
    assertEquals(List.of("f", "df/dq"), inconsistent(v));
    assertEquals("f = -12 is inconsistent with x = -2, y = 5, z = 4: (x + y)*z = 12",
        v.get(0).explanation());
    assertEquals("df/dq = -4 is inconsistent with z = 4: df/dq = z = 4", v.get(1).explanation());
    assertEquals(12.0, v.get(0).recomputed());
  }

  @Test
  void theOriginalArticlesValuesAreAllConsistent() {
    List<ClaimVerdict> v = ClaimCheck.check(classic, claims("x", -2, "y", 5, "z", -4, "q", 3,
        "f", -12, "df/dq", -4, "df/dz", 3, "df/dx", -4, "df/dy", -4));
    assertEquals(List.of(), inconsistent(v));
    assertEquals(6, v.size());
  }

  @Test
  void aSlipInAnIntermediateIsBlamedOnlyWhereItHappens() {
    // q is wrong; f = q z is consistent with the claimed q, so only q is reported.
    List<ClaimVerdict> v = ClaimCheck.check(classic,
        claims("x", -2, "y", 5, "z", -4, "q", 4, "f", -16));
    assertEquals(List.of("q"), inconsistent(v));
    assertEquals("f = -16 agrees with q = 4, z = -4: q*z = -16", v.get(1).explanation());
  }

  @Test
  void downstreamGradientsUseTheClaimedUpstreamOnes() {
    List<ClaimVerdict> v = ClaimCheck.check(classic,
        claims("x", -2, "y", 5, "z", -4, "df/dq", 4, "df/dx", 4));
    assertEquals(List.of("df/dx", "df/dq"), v.stream().map(ClaimVerdict::claim).toList());
    assertEquals(List.of("df/dq"), inconsistent(v));
    assertEquals("df/dx = 4 agrees with df/dq = 4: df/dx = df/dq*(1) = 4",
        v.get(0).explanation());
  }

  @Test
  void claimsMustGiveEveryInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClaimCheck.check(classic, claims("x", -2, "y", 5, "f", -12)));
    assertEquals("claims must give every input variable (x, y, z); z is missing",
        e.getMessage());
  }

  @Test
  void aClaimAboutAnUnknownNameIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClaimCheck.check(classic, claims("x", -2, "y", 5, "z", 4, "g", 1)));
    assertEquals("claim g=1 names nothing in the graph (claim a node such as f or a gradient"
        + " such as df/dx)", e.getMessage());
  }
}
