package org.markwatch.storage.publicsite;

import java.util.List;

/**
 * A consumer warning as written in the portal.
 *
 * @param keywords shop names, phones or hosts the public search should find it by (optional)
 * @param sellerIds the confirmed violators it names (seller ids)
 */
public record WarningDraft(
    String title,
    String body,
    String productType,
    String brand,
    String lookFor,
    String keywords,
    List<String> sellerIds) {
  public WarningDraft {
    sellerIds = sellerIds == null ? List.of() : List.copyOf(sellerIds);
  }

  /** Seller ids from a text box: one per line, or separated by commas or spaces. */
  public static List<String> sellerIds(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(text.split("[\\s,;]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }
}
