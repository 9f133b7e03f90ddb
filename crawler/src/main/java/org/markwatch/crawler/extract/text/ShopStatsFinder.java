package org.markwatch.crawler.extract.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.draft.SellerDraft;

/**
 * What a shop page says about the shop beside its labels: rating ("Đánh giá: 4,8", "4.8/5"),
 * followers ("Người theo dõi: 12,3k", "1.2M followers"), product count, and when it joined ("Tham
 * gia: 03/2019", "Joined 3 years ago"). Labels in Vietnamese and English.
 */
public final class ShopStatsFinder {
  private static final String NUM =
      "(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?)\\s*(k|K|m|M|tr|triệu|nghìn)?(?!\\p{L})";
  private static final Pattern RATING =
      Pattern.compile(
          "(?iu)(?:đánh giá|danh gia|rating|xếp hạng|điểm)(?:\\s+(?:shop|cửa hàng|trung bình))?\\s*[:：]?\\s*"
              + "(\\d(?:[.,]\\d{1,2})?)(?!\\d)(?:\\s*(?:/\\s*5|★|sao|stars?))?");
  private static final Pattern RATING_STARS =
      Pattern.compile("(?<![\\d.,])(\\d[.,]\\d{1,2})\\s*(?:/\\s*5|★|sao)");
  private static final Pattern FOLLOWERS =
      Pattern.compile(
          "(?iu)(?:người theo dõi|nguoi theo doi|lượt theo dõi|theo dõi|followers?)\\s*[:：]?\\s*"
              + NUM);
  private static final Pattern FOLLOWERS_AFTER =
      Pattern.compile("(?iu)(?<![\\d.,])" + NUM + "\\s*(?:người theo dõi|lượt theo dõi|followers)");
  private static final Pattern LISTINGS =
      Pattern.compile("(?iu)(?:sản phẩm|san pham|products?)\\s*[:：]\\s*" + NUM);
  private static final Pattern JOINED =
      Pattern.compile(
          "(?iu)(?:tham gia|ngày tham gia|thành viên từ|joined|member since)\\s*[:：]?\\s*(?:từ\\s*|since\\s*|on\\s*)?"
              + "(?:(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})|(\\d{4})-(\\d{1,2})-(\\d{1,2})|(?:tháng\\s*)?(\\d{1,2})[/.-](\\d{4})"
              + "|(\\d{4})(?!\\d)|(\\d{1,3})\\s*(năm|tháng|ngày|years?|months?|days?)\\s*(?:trước|ago))");

  private ShopStatsFinder() {}

  /**
   * Fills rating, followers, product count and joining date from {@code text}; {@code observedAt}
   * dates "3 years ago".
   */
  public static void find(String text, String observedAt, SellerDraft s) {
    if (text == null) {
      return;
    }
    String t = text.length() > 100_000 ? text.substring(0, 100_000) : text;
    Matcher r = RATING.matcher(t);
    Double rating = r.find() ? rating(r.group(1)) : null;
    if (rating == null) {
      Matcher stars = RATING_STARS.matcher(t);
      rating = stars.find() ? rating(stars.group(1)) : null;
    }
    s.rating.offer(rating, Layers.TEXT);
    Matcher f = FOLLOWERS.matcher(t);
    if (f.find()) {
      s.followers.offer(count(f.group(1), f.group(2)), Layers.TEXT);
    } else {
      Matcher fa = FOLLOWERS_AFTER.matcher(t);
      if (fa.find()) {
        s.followers.offer(count(fa.group(1), fa.group(2)), Layers.TEXT);
      }
    }
    Matcher l = LISTINGS.matcher(t);
    if (l.find()) {
      s.listingsCount.offer(count(l.group(1), l.group(2)), Layers.TEXT);
    }
    Matcher j = JOINED.matcher(t);
    if (j.find()) {
      s.joinedAt.offer(joined(j, observedAt), Layers.TEXT);
    }
  }

  private static Double rating(String v) {
    double d = Double.parseDouble(v.replace(',', '.'));
    return d >= 0 && d <= 5 ? d : null;
  }

  /**
   * "12,3k" = 12300, "1.2M" = 1200000, "12.345" = 12345 (dots group thousands). Null when absurd.
   */
  static Long count(String number, String unit) {
    String n = number.strip();
    BigDecimal v;
    if (n.matches("\\d{1,3}([.,]\\d{3})+") && unit == null) {
      v = new BigDecimal(n.replaceAll("[.,]", ""));
    } else {
      v = new BigDecimal(n.replace(',', '.'));
    }
    if (unit != null) {
      String u = unit.toLowerCase(Locale.ROOT);
      v = v.multiply(BigDecimal.valueOf(u.equals("k") || u.equals("nghìn") ? 1_000 : 1_000_000));
    }
    return v.signum() < 0 || v.compareTo(BigDecimal.valueOf(10_000_000_000L)) > 0
        ? null
        : v.longValue();
  }

  private static String joined(Matcher j, String observedAt) {
    try {
      LocalDate date;
      if (j.group(3) != null) {
        date =
            LocalDate.of(
                Integer.parseInt(j.group(3)),
                Integer.parseInt(j.group(2)),
                Integer.parseInt(j.group(1)));
      } else if (j.group(4) != null) {
        date =
            LocalDate.of(
                Integer.parseInt(j.group(4)),
                Integer.parseInt(j.group(5)),
                Integer.parseInt(j.group(6)));
      } else if (j.group(8) != null) {
        date = LocalDate.of(Integer.parseInt(j.group(8)), Integer.parseInt(j.group(7)), 1);
      } else if (j.group(9) != null) {
        date = LocalDate.of(Integer.parseInt(j.group(9)), 1, 1);
      } else {
        if (observedAt == null) {
          return null;
        }
        LocalDate seen = OffsetDateTime.parse(observedAt).toLocalDate();
        int n = Integer.parseInt(j.group(10));
        String unit = j.group(11).toLowerCase(Locale.ROOT);
        date =
            unit.startsWith("n") || unit.startsWith("y")
                ? seen.minusYears(n).withDayOfYear(1)
                : unit.startsWith("t") || unit.startsWith("m")
                    ? seen.minusMonths(n).withDayOfMonth(1)
                    : seen.minusDays(n);
      }
      if (date.getYear() < 1995 || date.getYear() > 2100) {
        return null;
      }
      return date.atStartOfDay()
          .atOffset(ZoneOffset.UTC)
          .toString()
          .replace("T00:00Z", "T00:00:00Z");
    } catch (RuntimeException e) {
      // A date that does not exist ("31/02/2020"), or an observedAt that is no date: no joining
      // date.
      return null;
    }
  }
}
