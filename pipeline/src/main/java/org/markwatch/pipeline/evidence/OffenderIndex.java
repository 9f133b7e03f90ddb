package org.markwatch.pipeline.evidence;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markwatch.pipeline.network.ContactKey;

/**
 * Confirmed violators as the scoring job sees them (read from the database and broadcast to every
 * evidence subtask): who they are, the contacts they share with other sellers, the networks they
 * are in.
 */
public record OffenderIndex(
    Set<String> violators,
    Map<String, Set<String>> networkViolators,
    Map<String, String> memberNetworks,
    Map<String, Set<String>> contactViolators) {
  public static final OffenderIndex EMPTY =
      new OffenderIndex(Set.of(), Map.of(), Map.of(), Map.of());

  public OffenderIndex {
    violators = violators == null ? Set.of() : violators;
    networkViolators = networkViolators == null ? Map.of() : networkViolators;
    memberNetworks = memberNetworks == null ? Map.of() : memberNetworks;
    contactViolators = contactViolators == null ? Map.of() : contactViolators;
  }

  /**
   * Why a seller is linked to confirmed violators.
   *
   * @param count confirmed violators other than the seller it links to (0 when the seller itself is
   *     one)
   * @param weight 0.4 for one other violator, 0.5 for two, 0.6 for three or more or for the seller
   *     itself (a repeat offender)
   */
  public record Finding(String text, int count, double weight) {}

  /** The strongest link of the seller (or its contacts) to confirmed violators, or null. */
  public Finding find(String sellerId, List<ContactKey> contacts) {
    if (sellerId != null && violators.contains(sellerId)) {
      return new Finding("seller is a confirmed violator (repeat offender)", 0, 0.6);
    }
    Finding best = null;
    for (ContactKey c : contacts) {
      Set<String> v = contactViolators.get(c.key());
      int n = v == null ? 0 : v.size() - (v.contains(sellerId) ? 1 : 0);
      if (n > 0 && (best == null || n > best.count())) {
        best =
            new Finding(
                "shares "
                    + c.kind().replace('_', ' ')
                    + " "
                    + c.value()
                    + " with "
                    + n
                    + " confirmed violator"
                    + (n == 1 ? "" : "s"),
                n,
                weight(n));
      }
    }
    String network = sellerId == null ? null : memberNetworks.get(sellerId);
    if (network != null) {
      Set<String> v = networkViolators.getOrDefault(network, Set.of());
      int n = v.size() - (v.contains(sellerId) ? 1 : 0);
      if (n > 0 && (best == null || n > best.count())) {
        best =
            new Finding(
                "is in seller network "
                    + network
                    + " with "
                    + n
                    + " confirmed violator"
                    + (n == 1 ? "" : "s"),
                n,
                weight(n));
      }
    }
    return best;
  }

  private static double weight(int n) {
    return n >= 3 ? 0.6 : n == 2 ? 0.5 : 0.4;
  }
}
