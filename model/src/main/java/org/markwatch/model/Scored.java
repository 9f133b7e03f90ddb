package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The detectors' verdict on one listing observation ({@code markwatch.scored/1}). */
@JsonPropertyOrder({
  "schema",
  "listingId",
  "rulesetVersion",
  "score",
  "flagged",
  "violations",
  "brands",
  "signals"
})
public record Scored(
    String schema,
    String listingId,
    String rulesetVersion,
    double score,
    boolean flagged,
    List<String> violations,
    List<BrandHit> brands,
    List<Signal> signals) {

  public static final String SCHEMA = "markwatch.scored/1";

  public Scored {
    violations = violations == null ? List.of() : List.copyOf(violations);
    brands = brands == null ? List.of() : List.copyOf(brands);
    signals = signals == null ? List.of() : List.copyOf(signals);
  }

  public static Scored of(
      String listingId,
      String rulesetVersion,
      double score,
      boolean flagged,
      List<String> violations,
      List<BrandHit> brands,
      List<Signal> signals) {
    return new Scored(
        SCHEMA, listingId, rulesetVersion, score, flagged, violations, brands, signals);
  }
}
