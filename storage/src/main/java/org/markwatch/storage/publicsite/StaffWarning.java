package org.markwatch.storage.publicsite;

import java.time.Instant;
import java.util.List;

/**
 * A consumer warning as its authors see it, in any state.
 *
 * @param state {@code draft}, {@code published} or {@code withdrawn}
 * @param sellers the violators it names, each with whether its publication is in force
 */
public record StaffWarning(
    long id,
    String state,
    WarningDraft draft,
    List<NamedSeller> sellers,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    String publishedBy,
    Instant withdrawnAt,
    String withdrawnBy) {
  public StaffWarning {
    sellers = List.copyOf(sellers);
  }

  /** A named violator: its seller id, its name if known, and whether the public sees it. */
  public record NamedSeller(String sellerId, String name, boolean published) {}
}
