package org.markwatch.storage.tips;

import java.time.Instant;
import java.util.List;

/**
 * A stored tip.
 *
 * @param status received, queued, checked, unreadable or no_url (see migration V60)
 * @param listingId the listing its URL became, once processed
 */
public record Tip(
    long id,
    String trackingCode,
    String kind,
    String url,
    String shopName,
    String phone,
    String description,
    String source,
    String status,
    String statusNote,
    String listingId,
    Instant receivedAt,
    Instant processedAt,
    List<TipAttachment> attachments) {
  public Tip {
    attachments = List.copyOf(attachments);
  }
}
