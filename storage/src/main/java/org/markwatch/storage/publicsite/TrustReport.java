package org.markwatch.storage.publicsite;

import java.util.List;

/**
 * The answer to "check a shop or link".
 *
 * @param rating {@code danger} (a published violator, or listings confirmed as violations), {@code
 *     caution} (flagged listings, tips, or missing seller disclosure), {@code trusted} (an
 *     authorised seller of a brand, nothing against it) or {@code unknown} (nothing known)
 * @param reasons why, strongest first; each a code the site words in the reader's language
 * @param sellers the names of the shops the query matched (at most 10)
 */
public record TrustReport(String rating, List<Reason> reasons, List<String> sellers) {
  public TrustReport {
    reasons = List.copyOf(reasons);
    sellers = List.copyOf(sellers);
  }

  /**
   * @param code e.g. {@code published_violator}, {@code confirmed_listings}
   * @param count how many (listings, tips), or 0
   * @param detail a decision number, a brand, or null
   */
  public record Reason(String code, long count, String detail) {}
}
