package org.convderiv.check;

import java.util.List;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Notation;

/** Everything one check found: a verdict per claim and a problem per unreadable line. */
public record CheckReport(LayerSpec spec, Notation notation, List<ClaimResult> claims,
    List<Problem> problems) {

  public CheckReport {
    claims = List.copyOf(claims);
    problems = List.copyOf(problems);
  }

  public long correct() {
    return claims.stream().filter(ClaimResult::holds).count();
  }

  public long wrong() {
    return claims.size() - correct();
  }

  /** Outcome in the terms of the exit codes: bad input, some claim wrong, or all hold. */
  public Outcome outcome() {
    if (!problems.isEmpty()) {
      return Outcome.BAD_INPUT;
    }
    return wrong() > 0 ? Outcome.WRONG : Outcome.ALL_HOLD;
  }

  public enum Outcome { ALL_HOLD, WRONG, BAD_INPUT }
}
