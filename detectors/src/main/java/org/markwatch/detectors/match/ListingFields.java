package org.markwatch.detectors.match;

import java.util.EnumMap;
import java.util.Map;
import org.markwatch.model.Listing;

/** The text of a listing's matched fields, each bounded in length (scraped content is hostile). */
public final class ListingFields {
  /** Longest text kept from one field, in chars. */
  public static final int MAX_FIELD_CHARS = 20_000;

  private final Map<Field, String> values = new EnumMap<>(Field.class);
  private final Map<Field, String> lower = new EnumMap<>(Field.class);

  public ListingFields(Listing l) {
    put(Field.TITLE, l.title());
    put(Field.TEXT, l.text());
    put(Field.SELLER, l.seller() == null ? null : l.seller().name());
    put(Field.CLAIMED, l.brandClaimed());
    put(Field.CATEGORY, l.category() == null ? null : String.join(" / ", l.category()));
  }

  private void put(Field f, String v) {
    if (v != null && !v.isBlank()) {
      values.put(f, v.length() > MAX_FIELD_CHARS ? v.substring(0, MAX_FIELD_CHARS) : v);
    }
  }

  /** The field's text lower-cased (Locale.ROOT), computed once; null when the listing has none. */
  public String lower(Field f) {
    String v = lower.get(f);
    if (v == null) {
      v = values.get(f);
      if (v == null) {
        return null;
      }
      v = v.toLowerCase(java.util.Locale.ROOT);
      lower.put(f, v);
    }
    return v;
  }

  /** The field's text, or null when the listing has none. */
  public String get(Field f) {
    return values.get(f);
  }

  public Map<Field, String> all() {
    return values;
  }
}
