package org.markwatch.storage.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case: listings and sellers grouped for one action.
 *
 * @param id natural key shared between agencies
 * @param status open, referred or closed
 * @param origin {@code local} or the agency it was imported from
 */
public record CaseRecord(
    String id,
    String title,
    String status,
    String provinceCode,
    String agencyCode,
    String summary,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    String origin,
    List<String> listingIds,
    List<String> sellerIds,
    List<CaseAction> actions) {
  public CaseRecord {
    listingIds = List.copyOf(listingIds);
    sellerIds = List.copyOf(sellerIds);
    actions = List.copyOf(actions);
  }
}
