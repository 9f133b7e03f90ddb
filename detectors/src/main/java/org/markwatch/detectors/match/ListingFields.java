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
    put(Field.SELLER, l.seller() == null ? null : seller(l.seller().name(), l.seller().url()));
    put(Field.CLAIMED, l.brandClaimed());
    put(Field.CATEGORY, l.category() == null ? null : String.join(" / ", l.category()));
    if (l.attributes() != null && !l.attributes().isEmpty()) {
      StringBuilder a = new StringBuilder();
      new java.util.TreeMap<>(l.attributes())
          .forEach((k, v) -> a.append(k).append(": ").append(v).append('\n'));
      put(Field.ATTRIBUTES, a.toString());
    }
  }

  private static final java.util.regex.Pattern HANDLE_SEPARATORS =
      java.util.regex.Pattern.compile("[._@/]+");

  /** scheme://host/path?query#fragment: host and path, each bounded. */
  private static final java.util.regex.Pattern URL_PARTS =
      java.util.regex.Pattern.compile(
          "(?i)[a-z][a-z0-9+.-]{0,15}://([^/?#:@\\s]{1,253})(?::\\d{1,5})?(/[^?#\\s]{0,500})?.*");

  /**
   * The shop's name, then its name and the path of its shop address with the separators of handles
   * and domains made spaces: "chanel.beauty.hcm" and "shopee.vn/gucci_store" are read word by word,
   * so a brand in a handle or domain is found like one in a name.
   */
  static String seller(String name, String url) {
    StringBuilder s = new StringBuilder();
    if (name != null && !name.isBlank()) {
      s.append(name);
      String words = HANDLE_SEPARATORS.matcher(name).replaceAll(" ").replace('_', ' ');
      if (!words.equals(name)) {
        s.append(" | ").append(words);
      }
    }
    if (url != null && !url.isBlank()) {
      // host and path only (no java.net: the detectors never touch the network, NoIoArchTest)
      java.util.regex.Matcher m = URL_PARTS.matcher(url.strip());
      if (m.matches()) {
        String words =
            HANDLE_SEPARATORS
                .matcher(m.group(1) + " " + m.group(2))
                .replaceAll(" ")
                .replace('-', ' ')
                .strip();
        if (!words.isEmpty()) {
          s.append(s.isEmpty() ? "" : " | ").append(words);
        }
      }
    }
    return s.isEmpty() ? null : s.toString();
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
