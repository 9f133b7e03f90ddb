package org.markwatch.pipeline.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.model.Violation;

/**
 * Shop-level evidence: what a listing's shop (its seller, or its website when it has no seller) and
 * its seller network say about it, as signals added to its verdict.
 *
 * <ul>
 *   <li>{@value #SHOP_RULE}: about a quarter of the listings of shops that openly sell replicas
 *       carry no replica wording at all; the shop betrays them. A branded listing is raised when at
 *       least {@value #MIN_ADMITTING} of the shop's other listings admit copies (the detectors'
 *       admission rules fired on them) and they are at least a quarter of its other listings, so a
 *       large genuine shop with one odd title is not raised. Evidence: {@code shop's other listings
 *       say "rep 1:1" (3 of 4)}.
 *   <li>{@value #NETWORK_RULE}: the seller is a confirmed violator, or shares a contact or a
 *       network with confirmed violators ({@code shares phone 0912345678 with 3 confirmed
 *       violators}).
 * </ul>
 *
 * Both only ever raise a branded listing (a brand named outside the shop name: copies are copies of
 * a brand), never one from an official store or authorised reseller ({@link OfficialStores}), and
 * are combined with the verdict's signals by noisy-OR as the detectors combine theirs.
 */
public final class ShopEvidence {
  public static final String SHOP_RULE = "shop.replica-admissions";
  public static final String NETWORK_RULE = "network.confirmed-violators";

  /** Weight of the shop signal: on its own it reaches the counterfeit threshold (0.5). */
  public static final double SHOP_WEIGHT = 0.6;

  /** Other listings of the shop that must admit copies before it raises the rest. */
  public static final int MIN_ADMITTING = 2;

  /**
   * The detectors' rules that fire on a seller's own admission that the goods are copies (replica,
   * rep 1:1, like auth, super fake, grade codes), as opposed to inferred signals such as a low
   * price.
   */
  public static final Set<String> ADMISSION_RULES =
      Set.of(
          "counterfeit.admission",
          "counterfeit.copy-word-with-brand",
          "counterfeit.grade-code-with-brand");

  /** The counterfeit threshold of the default ruleset (conf/rules/counterfeit.yaml). */
  static final double COUNTERFEIT_THRESHOLD = 0.5;

  private ShopEvidence() {}

  /** The words by which the listing admits it is a copy ("rep 1:1"), or null. */
  public static String replicaPhrase(Scored s) {
    for (Signal g : s.signals()) {
      if (ADMISSION_RULES.contains(g.rule()) && g.weight() > 0) {
        String e = g.evidence();
        return e == null || e.isBlank() ? g.rule() : e.strip();
      }
    }
    return null;
  }

  /** True when the listing names a brand outside its shop name. */
  public static boolean branded(Scored s) {
    for (BrandHit h : s.brands()) {
      if (!"seller".equals(h.field())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a shop's other listings betray it: {@code admitting} of its {@code others} other
   * listings admit copies.
   */
  public static boolean qualifies(int admitting, int others) {
    return admitting >= MIN_ADMITTING && admitting * 4 >= others;
  }

  /**
   * The phrase a shop's signal quotes: the one most of its admitting listings use, the
   * lexicographically smallest of equally frequent ones, so that it does not depend on which
   * listing came first; null when no listing admits copies.
   */
  public static String shopPhrase(Iterable<java.util.Map.Entry<String, Integer>> counts) {
    String best = null;
    int bestCount = 0;
    for (java.util.Map.Entry<String, Integer> e : counts) {
      int n = e.getValue() == null ? 0 : e.getValue();
      if (n > 0 && (n > bestCount || (n == bestCount && e.getKey().compareTo(best) < 0))) {
        best = e.getKey();
        bestCount = n;
      }
    }
    return best;
  }

  /** The shop signal: {@code shop's other listings say "rep 1:1" (3 of 4)}. */
  public static Signal shopSignal(String phrase, int admitting, int others) {
    return new Signal(
        SHOP_RULE,
        SHOP_WEIGHT,
        Violation.COUNTERFEIT.id(),
        "seller",
        "shop's other listings say \"" + phrase + "\" (" + admitting + " of " + others + ")");
  }

  /** The network signal for what {@link OffenderIndex#find} found. */
  public static Signal networkSignal(OffenderIndex.Finding f) {
    return new Signal(NETWORK_RULE, f.weight(), Violation.COUNTERFEIT.id(), "seller", f.text());
  }

  /**
   * The verdict with {@code extra} added (replacing an earlier signal of the same rule): score and
   * violations combined again by noisy-OR. The score never goes down.
   */
  public static Scored raise(Scored s, Signal extra) {
    List<Signal> signals = new ArrayList<>();
    for (Signal g : s.signals()) {
      if (!g.rule().equals(extra.rule())) {
        signals.add(g);
      }
    }
    signals.add(extra);
    double all = 1.0;
    double counterfeit = 1.0;
    for (Signal g : signals) {
      if (g.weight() <= 0) {
        continue;
      }
      all *= 1 - g.weight();
      if (Violation.COUNTERFEIT.id().equals(g.violation())) {
        counterfeit *= 1 - g.weight();
      }
    }
    double score = Math.max(s.score(), Math.round((1 - all) * 10_000) / 10_000.0);
    List<String> violations = new ArrayList<>(s.violations());
    if (1 - counterfeit >= COUNTERFEIT_THRESHOLD - 1e-9
        && !violations.contains(Violation.COUNTERFEIT.id())) {
      violations.add(Violation.COUNTERFEIT.id());
      violations.sort(
          Comparator.comparingInt(
              v -> Violation.fromId(v).map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
    }
    return Scored.of(
        s.listingId(),
        s.rulesetVersion(),
        score,
        !violations.isEmpty(),
        violations,
        s.brands(),
        signals);
  }
}
