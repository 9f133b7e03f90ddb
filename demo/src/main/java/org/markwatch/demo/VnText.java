package org.markwatch.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Vietnamese text helpers: slugs, the ways sellers write prices and phone numbers. */
final class VnText {
  private VnText() {}

  static <T> T pick(Random rng, List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  @SafeVarargs
  static <T> T pick(Random rng, T... options) {
    return options[rng.nextInt(options.length)];
  }

  /** ASCII URL slug: diacritics dropped, đ to d, runs of other characters to one dash. */
  static String slug(String text) {
    String s = text.replace('đ', 'd').replace('Đ', 'D');
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 70) {
      s = s.substring(0, 70).replaceAll("-[^-]*$", "");
    }
    return s.isEmpty() ? "san-pham" : s;
  }

  /** "1.800.000" (dots between thousands, the Vietnamese grouping). */
  static String grouped(long amount) {
    String digits = Long.toString(amount);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append('.');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }

  /** Marketplace style, e.g. "₫1.800.000". */
  static String shopeePrice(long amount) {
    return "₫" + grouped(amount);
  }

  /** Marketplace style, e.g. "1.800.000 ₫". */
  static String tikiPrice(long amount) {
    return grouped(amount) + " ₫";
  }

  /**
   * How a poster writes a price: "450k", "1tr2", "1.800.000đ", "1,2 triệu", "350.000 VNĐ". Only
   * forms that denote exactly {@code amount} are chosen.
   */
  static String socialPrice(Random rng, long amount) {
    List<String> forms = new java.util.ArrayList<>();
    forms.add(grouped(amount) + "đ");
    forms.add(grouped(amount) + " VNĐ");
    if (amount < 1_000_000 && amount % 1000 == 0) {
      forms.add((amount / 1000) + "k");
      forms.add((amount / 1000) + "K");
    }
    if (amount >= 1_000_000 && amount % 100_000 == 0) {
      long millions = amount / 1_000_000;
      long tenths = (amount % 1_000_000) / 100_000;
      forms.add(tenths == 0 ? millions + "tr" : millions + "tr" + tenths);
      forms.add(tenths == 0 ? millions + " triệu" : millions + "," + tenths + " triệu");
    }
    return pick(rng, forms);
  }

  /** A Vietnamese mobile number, 10 digits. */
  static String mobile(Random rng) {
    String prefix =
        pick(
            rng, "090", "091", "093", "094", "096", "097", "098", "032", "033", "035", "036", "038",
            "039", "070", "076", "077", "078", "079", "081", "083", "084", "085", "086", "088",
            "089", "056", "058");
    StringBuilder n = new StringBuilder(prefix);
    for (int i = 0; i < 7; i++) {
      n.append(rng.nextInt(10));
    }
    return n.toString();
  }

  /** The number as people write it: dots, spaces, dashes or plain. */
  static String writtenPhone(Random rng, String digits) {
    String a = digits.substring(0, 4);
    String b = digits.substring(4, 7);
    String c = digits.substring(7);
    return switch (rng.nextInt(5)) {
      case 0 -> a + "." + b + "." + c;
      case 1 -> a + " " + b + " " + c;
      case 2 -> a + "-" + b + "-" + c;
      case 3 -> digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
      default -> digits;
    };
  }

  /** Rounds a price the way shops do: to 1,000 below a million, to 10,000 above. */
  static long roundPrice(double amount) {
    long step = amount < 1_000_000 ? 1_000 : amount < 20_000_000 ? 10_000 : 100_000;
    long rounded = Math.round(amount / step) * step;
    return Math.max(step, rounded);
  }
}
