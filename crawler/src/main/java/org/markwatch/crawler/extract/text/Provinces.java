package org.markwatch.crawler.extract.text;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Vietnamese province (or centrally-run city) named in an address, as one of the 34 in force
 * since 1 July 2025 (Resolution 202/2025/QH15). Addresses still name the 63 provinces from before
 * the merger, with and without diacritics, and in short forms (TP.HCM, HN, Sài Gòn): each is mapped
 * to the province that took it in ("KCN Sóng Thần, Dĩ An, Bình Dương" is in Hồ Chí Minh).
 */
public final class Provinces {
  private static final List<String> NAMES =
      List.of(
          "An Giang",
          "Bà Rịa - Vũng Tàu",
          "Bắc Giang",
          "Bắc Kạn",
          "Bạc Liêu",
          "Bắc Ninh",
          "Bến Tre",
          "Bình Định",
          "Bình Dương",
          "Bình Phước",
          "Bình Thuận",
          "Cà Mau",
          "Cần Thơ",
          "Cao Bằng",
          "Đà Nẵng",
          "Đắk Lắk",
          "Đắk Nông",
          "Điện Biên",
          "Đồng Nai",
          "Đồng Tháp",
          "Gia Lai",
          "Hà Giang",
          "Hà Nam",
          "Hà Nội",
          "Hà Tĩnh",
          "Hải Dương",
          "Hải Phòng",
          "Hậu Giang",
          "Hòa Bình",
          "Hưng Yên",
          "Khánh Hòa",
          "Kiên Giang",
          "Kon Tum",
          "Lai Châu",
          "Lâm Đồng",
          "Lạng Sơn",
          "Lào Cai",
          "Long An",
          "Nam Định",
          "Nghệ An",
          "Ninh Bình",
          "Ninh Thuận",
          "Phú Thọ",
          "Phú Yên",
          "Quảng Bình",
          "Quảng Nam",
          "Quảng Ngãi",
          "Quảng Ninh",
          "Quảng Trị",
          "Sóc Trăng",
          "Sơn La",
          "Tây Ninh",
          "Thái Bình",
          "Thái Nguyên",
          "Thanh Hóa",
          "Thừa Thiên Huế",
          "Tiền Giang",
          "Hồ Chí Minh",
          "Trà Vinh",
          "Tuyên Quang",
          "Vĩnh Long",
          "Vĩnh Phúc",
          "Yên Bái",
          "Huế");
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

  /**
   * Each pre-2025 province merged into another, to the one that took it in (the rest kept their
   * name).
   */
  private static final Map<String, String> MERGED_INTO =
      Map.ofEntries(
          Map.entry("Hà Giang", "Tuyên Quang"),
          Map.entry("Yên Bái", "Lào Cai"),
          Map.entry("Bắc Kạn", "Thái Nguyên"),
          Map.entry("Vĩnh Phúc", "Phú Thọ"),
          Map.entry("Hòa Bình", "Phú Thọ"),
          Map.entry("Bắc Giang", "Bắc Ninh"),
          Map.entry("Thái Bình", "Hưng Yên"),
          Map.entry("Hải Dương", "Hải Phòng"),
          Map.entry("Hà Nam", "Ninh Bình"),
          Map.entry("Nam Định", "Ninh Bình"),
          Map.entry("Quảng Bình", "Quảng Trị"),
          Map.entry("Quảng Nam", "Đà Nẵng"),
          Map.entry("Kon Tum", "Quảng Ngãi"),
          Map.entry("Bình Định", "Gia Lai"),
          Map.entry("Ninh Thuận", "Khánh Hòa"),
          Map.entry("Đắk Nông", "Lâm Đồng"),
          Map.entry("Bình Thuận", "Lâm Đồng"),
          Map.entry("Phú Yên", "Đắk Lắk"),
          Map.entry("Bình Dương", "Hồ Chí Minh"),
          Map.entry("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
          Map.entry("Bình Phước", "Đồng Nai"),
          Map.entry("Long An", "Tây Ninh"),
          Map.entry("Sóc Trăng", "Cần Thơ"),
          Map.entry("Hậu Giang", "Cần Thơ"),
          Map.entry("Bến Tre", "Vĩnh Long"),
          Map.entry("Trà Vinh", "Vĩnh Long"),
          Map.entry("Tiền Giang", "Đồng Tháp"),
          Map.entry("Bạc Liêu", "Cà Mau"),
          Map.entry("Kiên Giang", "An Giang"),
          Map.entry("Thừa Thiên Huế", "Huế"));

  /** The 34 provinces and centrally-run cities in force since 1 July 2025. */
  public static final java.util.Set<String> CURRENT =
      NAMES.stream()
          .map(Provinces::current)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private Provinces() {}

  /**
   * The province in force today for a province name as written (old or new, with or without
   * diacritics, short forms); null for a name that is no Vietnamese province.
   */
  public static String current(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String old = KEYS.get(key(name));
    if (old == null) {
      String k = key(name).replaceFirst("^(tinh|thanh pho|tp) ", "");
      old = KEYS.get(k);
    }
    return old == null ? null : MERGED_INTO.getOrDefault(old, old);
  }

  /**
   * The province in force today of the one named last in {@code address} (addresses end with it),
   * or null.
   */
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
    return found == null ? null : MERGED_INTO.getOrDefault(found, found);
  }

  /** Lower case, no diacritics, "đ" as "d", punctuation as spaces. */
  static String key(String s) {
    String n =
        Normalizer.normalize(s.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "");
    return n.replaceAll("[^a-z0-9]+", " ").strip();
  }
}
