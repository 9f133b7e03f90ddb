package org.markwatch.storage.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.markwatch.storage.Database;
import org.markwatch.storage.ProvinceNames;
import org.markwatch.storage.TestDatabase;

/**
 * Checks migration V6 against Resolution 202/2025/QH15 (National Assembly, 12 June 2025, in force 1
 * July 2025), written out here independently of the migration: the 34 provincial units, each with
 * the pre-2025 units it was formed from (11 units unchanged, 23 formed by merging 52). Every one of
 * the 63 former names resolves to exactly one of the 34, the 34 are complete, and no stored name
 * (current, former or alias) points at two provinces.
 */
class ProvinceMappingTest {
  /** New unit -> the pre-2025 units it consists of (the unit keeping its name first). */
  private static final Map<String, List<String>> RESOLUTION_202 = new LinkedHashMap<>();

  static {
    // Unchanged (Article 1 leaves them as they were; Thừa Thiên Huế is the city of Huế since
    // 1 January 2025, Resolution 175/2024/QH15).
    for (String same :
        List.of(
            "Hà Nội",
            "Lai Châu",
            "Điện Biên",
            "Sơn La",
            "Lạng Sơn",
            "Quảng Ninh",
            "Thanh Hóa",
            "Nghệ An",
            "Hà Tĩnh",
            "Cao Bằng")) {
      RESOLUTION_202.put(same, List.of(same));
    }
    RESOLUTION_202.put("Huế", List.of("Thừa Thiên Huế"));
    // Merged (Article 1, clauses 1-23).
    RESOLUTION_202.put("Tuyên Quang", List.of("Tuyên Quang", "Hà Giang"));
    RESOLUTION_202.put("Lào Cai", List.of("Lào Cai", "Yên Bái"));
    RESOLUTION_202.put("Thái Nguyên", List.of("Thái Nguyên", "Bắc Kạn"));
    RESOLUTION_202.put("Phú Thọ", List.of("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"));
    RESOLUTION_202.put("Bắc Ninh", List.of("Bắc Ninh", "Bắc Giang"));
    RESOLUTION_202.put("Hưng Yên", List.of("Hưng Yên", "Thái Bình"));
    RESOLUTION_202.put("Hải Phòng", List.of("Hải Phòng", "Hải Dương"));
    RESOLUTION_202.put("Ninh Bình", List.of("Ninh Bình", "Hà Nam", "Nam Định"));
    RESOLUTION_202.put("Quảng Trị", List.of("Quảng Trị", "Quảng Bình"));
    RESOLUTION_202.put("Đà Nẵng", List.of("Đà Nẵng", "Quảng Nam"));
    RESOLUTION_202.put("Quảng Ngãi", List.of("Quảng Ngãi", "Kon Tum"));
    RESOLUTION_202.put("Gia Lai", List.of("Gia Lai", "Bình Định"));
    RESOLUTION_202.put("Khánh Hòa", List.of("Khánh Hòa", "Ninh Thuận"));
    RESOLUTION_202.put("Lâm Đồng", List.of("Lâm Đồng", "Đắk Nông", "Bình Thuận"));
    RESOLUTION_202.put("Đắk Lắk", List.of("Đắk Lắk", "Phú Yên"));
    RESOLUTION_202.put("Hồ Chí Minh", List.of("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"));
    RESOLUTION_202.put("Đồng Nai", List.of("Đồng Nai", "Bình Phước"));
    RESOLUTION_202.put("Tây Ninh", List.of("Tây Ninh", "Long An"));
    RESOLUTION_202.put("Cần Thơ", List.of("Cần Thơ", "Sóc Trăng", "Hậu Giang"));
    RESOLUTION_202.put("Vĩnh Long", List.of("Vĩnh Long", "Bến Tre", "Trà Vinh"));
    RESOLUTION_202.put("Đồng Tháp", List.of("Đồng Tháp", "Tiền Giang"));
    RESOLUTION_202.put("Cà Mau", List.of("Cà Mau", "Bạc Liêu"));
    RESOLUTION_202.put("An Giang", List.of("An Giang", "Kiên Giang"));
  }

  private static final List<String> CITIES =
      List.of("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ");

  @Test
  void theReferenceItselfHas34UnitsFrom63() {
    assertThat(RESOLUTION_202).hasSize(34);
    List<String> former = RESOLUTION_202.values().stream().flatMap(List::stream).toList();
    assertThat(former).hasSize(63).doesNotHaveDuplicates();
  }

  @Test
  void theStoredProvincesAreTheResolutionsAndEveryFormerNameMapsToExactlyOne() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(scratch.settings())) {
      List<Province> stored = new ProvinceDirectory(db.dataSource()).list();
      Map<String, List<String>> storedMap = new TreeMap<>();
      Map<String, String> codeByName = new LinkedHashMap<>();
      for (Province p : stored) {
        storedMap.put(p.name(), p.formerNames().stream().sorted().toList());
        codeByName.put(p.name(), p.code());
        assertThat(p.kind())
            .as(p.name())
            .isEqualTo(CITIES.contains(p.name()) ? "city" : "province");
      }
      Map<String, List<String>> expected = new TreeMap<>();
      RESOLUTION_202.forEach((k, v) -> expected.put(k, v.stream().sorted().toList()));
      assertThat(storedMap).isEqualTo(expected);

      ProvinceNames names;
      try (Connection c = db.connection()) {
        names = ProvinceNames.load(c);
      }
      List<String> wrong = new ArrayList<>();
      RESOLUTION_202.forEach(
          (unit, formers) -> {
            for (String former : formers) {
              // as a province field and as the last part of an address, with the usual prefixes
              for (String written : List.of(former, "Tỉnh " + former, "TP. " + former)) {
                if (!names
                    .resolve(written, null)
                    .equals(java.util.Optional.of(codeByName.get(unit)))) {
                  wrong.add(written + " -> " + names.resolve(written, null));
                }
              }
              if (!names
                  .resolve(null, "Số 1, đường Trần Phú, " + former)
                  .equals(java.util.Optional.of(codeByName.get(unit)))) {
                wrong.add("address in " + former);
              }
            }
          });
      assertThat(wrong).isEmpty();

      try (Connection c = db.connection();
          Statement st = c.createStatement()) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT folded_name FROM province_names GROUP BY folded_name"
                    + " HAVING COUNT(DISTINCT province_code) > 1")) {
          List<String> ambiguous = new ArrayList<>();
          while (rs.next()) {
            ambiguous.add(rs.getString(1));
          }
          assertThat(ambiguous).as("names pointing at two provinces").isEmpty();
        }
        try (ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT folded_name) FROM province_names"
                    + " WHERE era = 'pre-2025'")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(63);
          assertThat(rs.getInt(2)).isEqualTo(63);
        }
      }
    }
  }
}
