package org.markwatch.detectors.rules;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.markwatch.detectors.config.ConfigException;
import org.markwatch.detectors.config.Yaml;
import org.markwatch.detectors.match.Field;

/**
 * Holds when an expiry date written in the listing ({@link ExpiryDates}) is more than {@code
 * minDaysPast} days before the listing's observation date ({@code observedAt}, never the clock).
 * The evidence is the field and the date as written ("HSD: 05/2025").
 *
 * @param fields text fields looked at
 * @param attributes whether attribute values named like an expiry date are looked at
 * @param minDaysPast whole days the last valid day must be past
 */
record ExpiryDatePassed(List<Field> fields, boolean attributes, int minDaysPast)
    implements Condition {
  static final String KEY = "expiryDatePassed";
  static final String ATTRIBUTES = "attributes";
  private static final List<Field> DEFAULT_FIELDS = List.of(Field.TITLE, Field.TEXT);
  private static final int MAX_DAYS = 3650;

  /** Attribute names that hold an expiry date: "HSD", "Hạn sử dụng", "Expiry date", "EXP". */
  private static final Pattern EXPIRY_KEY =
      Pattern.compile(
          "hsd|h[ạa]n\\s+(?:s[ửu]\\s+)?d[ụùu]ng.*|exp(?:iry|iration)?(?:\\s*date)?|best\\s+before|use\\s+by");

  /** Blanks and punctuation a scraped attribute name may end with ("HSD:", "EXP -"). */
  private static final Pattern TRAILING_PUNCT = Pattern.compile("[\\s:：.\\-–=]++$");

  @Override
  public Evidence test(ListingContext ctx) {
    LocalDate observed = ExpiryDates.observedDate(ctx.listing().observedAt());
    if (observed == null) {
      return null; // without the observation date nothing can be past; the clock is never read
    }
    LocalDate latestGood = observed.minusDays(minDaysPast + 1L);
    for (Field f : fields) {
      for (ExpiryDates.Found d : ExpiryDates.find(ctx.fields().get(f))) {
        if (!d.lastDay().isAfter(latestGood)) {
          return new Evidence(f.id(), d.text());
        }
      }
    }
    Map<String, String> attrs = ctx.listing().attributes();
    if (attributes && attrs != null) {
      for (var e : attrs.entrySet()) {
        if (e.getKey() == null || e.getValue() == null || !isExpiryKey(e.getKey())) {
          continue;
        }
        // the key is the label: read "HSD" + value as one written date
        for (ExpiryDates.Found d : ExpiryDates.find("hsd " + e.getValue())) {
          if (!d.lastDay().isAfter(latestGood)) {
            return new Evidence("attributes." + e.getKey(), e.getValue());
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether an attribute name names an expiry date. Scraped names come decomposed (NFD) from some
   * keyboards and with the label's colon kept ("HSD:", "Expiry date :"); both are read as written
   * plainly, as {@link ExpiryDates#find} reads the text.
   */
  static boolean isExpiryKey(String key) {
    String k = Normalizer.normalize(key, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    k = TRAILING_PUNCT.matcher(k).replaceFirst("").strip();
    return EXPIRY_KEY.matcher(k).matches();
  }

  /**
   * Compiles the spec; a bad value is refused with the file, line and column where it is written.
   */
  static ExpiryDatePassed compile(
      String file, String text, int ruleLine, String where, ExpirySpec spec) {
    int[] at = Yaml.position(text, ruleLine, KEY);
    List<Field> fields = new ArrayList<>();
    boolean attributes = false;
    if (spec.in() == null || spec.in().isEmpty()) {
      fields.addAll(DEFAULT_FIELDS);
      attributes = true;
    } else {
      for (String n : spec.in()) {
        if (ATTRIBUTES.equals(n)) {
          attributes = true;
          continue;
        }
        Field f = Field.fromId(n == null ? "" : n).orElse(null);
        if (f == null) {
          int[] p = Yaml.position(text, at[0], String.valueOf(n));
          throw new ConfigException(
              file,
              p[0],
              p[1],
              where
                  + KEY
                  + ".in: unknown field '"
                  + n
                  + "', known: title, text, seller, claimed, category, attributes");
        }
        fields.add(f);
      }
    }
    int min = spec.minDaysPast() == null ? 0 : spec.minDaysPast();
    if (min < 0 || min > MAX_DAYS) {
      int[] p = Yaml.position(text, at[0], "minDaysPast");
      throw new ConfigException(
          file, p[0], p[1], where + KEY + ".minDaysPast must be 0.." + MAX_DAYS + ", got " + min);
    }
    return new ExpiryDatePassed(List.copyOf(fields), attributes, min);
  }
}
