package org.markwatch.crawler.extract.text;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Vietnamese province (or centrally-run city) named in an address, by its usual name. Knows
 * the 63 provinces from before the 2025 merger (the 34 of after it are among them), with and
 * without diacritics, and the common short forms (TP.HCM, HN, Sài Gòn).
 */
public final class Provinces {
  private static final List<String> NAMES = List.of("An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn",
      "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ",
      "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
      "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa",
      "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
      "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
      "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
      "Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Huế");
  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    for (String name : NAMES) {
      KEYS.put(key(name), name.equals("Huế") ? "Thừa Thiên Huế" : name);
    }
    KEYS.put(key("Bà Rịa Vũng Tàu"), "Bà Rịa - Vũng Tàu");
    KEYS.put(key("Vũng Tàu"), "Bà Rịa - Vũng Tàu");
    KEYS.put("hcm", "Hồ Chí Minh");
    KEYS.put("tphcm", "Hồ Chí Minh");
    KEYS.put("tp hcm", "Hồ Chí Minh");
    KEYS.put(key("Sài Gòn"), "Hồ Chí Minh");
    KEYS.put(key("Thanh Hoá"), "Thanh Hóa");
    KEYS.put(key("Hoà Bình"), "Hòa Bình");
    KEYS.put(key("Khánh Hoà"), "Khánh Hòa");
    KEYS.put("hn", "Hà Nội");
    KEYS.put(key("Đắc Lắc"), "Đắk Lắk");
  }

  private Provinces() {}

  /** The province named last in {@code address} (addresses end with it), or null. */
  public static String of(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String a = " " + key(address) + " ";
    String found = null;
    int at = -1;
    for (Map.Entry<String, String> e : KEYS.entrySet()) {
      int i = a.lastIndexOf(" " + e.getKey() + " ");
      // Longer names win at the same place ("ha nam" vs "ha"): keys are whole words anyway.
      if (i > at) {
        at = i;
        found = e.getValue();
      }
    }
    return found;
  }

  /** Lower case, no diacritics, "đ" as "d", punctuation as spaces. */
  static String key(String s) {
    String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
    return n.replaceAll("[^a-z0-9]+", " ").strip();
  }
}
