package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a province as an address writes it ("TP. Hồ Chí Minh", "tỉnh Bình Dương", "Ha Noi") onto the
 * code of one of the 34 provinces in force since 1 July 2025, through the names of table {@code
 * province_names} (current names, the 63 pre-2025 names, common short forms).
 */
public final class ProvinceNames {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern PREFIX = Pattern.compile("^(tinh|thanh pho|tp|t p)\\s+");

  private final Map<String, String> codeByFoldedName;

  private ProvinceNames(Map<String, String> codeByFoldedName) {
    this.codeByFoldedName = Map.copyOf(codeByFoldedName);
  }

  /** Reads every name of table province_names. */
  public static ProvinceNames load(Connection c) throws SQLException {
    Map<String, String> map = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT folded_name, province_code FROM province_names");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        map.put(rs.getString(1), rs.getString(2));
      }
    }
    return new ProvinceNames(map);
  }

  /**
   * Lower case, diacritics and đ folded to ASCII, punctuation to single spaces, and a leading
   * "tỉnh" / "thành phố" / "TP." dropped: "TP. Hồ Chí Minh" and "ho chi minh" fold alike.
   */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String s = text.replace('đ', 'd').replace('Đ', 'D');
    s =
        MARKS
            .matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    s = NON_ALNUM.matcher(s).replaceAll(" ").strip();
    return PREFIX.matcher(s).replaceFirst("");
  }

  /**
   * The province code of a seller: from its province field, else from the last part of its address
   * that names a province ("..., Quận 1, TP.HCM").
   */
  public Optional<String> resolve(String province, String address) {
    Optional<String> direct = lookup(province);
    if (direct.isPresent() || address == null) {
      return direct;
    }
    String[] parts = address.split("[,;\\n]");
    for (int i = parts.length - 1; i >= 0; i--) {
      Optional<String> found = lookup(parts[i]);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<String> lookup(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(codeByFoldedName.get(fold(text)));
  }

  public int size() {
    return codeByFoldedName.size();
  }
}
