package org.markwatch.storage.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.storage.Database;
import org.markwatch.storage.ProvinceNames;
import org.markwatch.storage.TestDatabase;

class ProvinceNamesTest {

  @Test
  void the34ProvincesCarryThe63FormerOnesAndEveryStoredNameFoldsToItsKey() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(scratch.settings())) {
      List<Province> provinces = new ProvinceDirectory(db.dataSource()).list();
      assertThat(provinces).hasSize(34);
      assertThat(provinces.stream().filter(p -> p.kind().equals("city"))).hasSize(6);
      assertThat(provinces.stream().mapToInt(p -> p.formerNames().size()).sum()).isEqualTo(63);
      assertThat(provinces)
          .filteredOn(p -> p.code().equals("ho-chi-minh"))
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.formerNames())
                      .containsExactlyInAnyOrder("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"));
      try (Connection c = db.connection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT folded_name, name FROM province_names")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          assertThat(ProvinceNames.fold(rs.getString(2)))
              .as(rs.getString(2))
              .isEqualTo(rs.getString(1));
        }
        assertThat(rows).isGreaterThanOrEqualTo(34 + 63);
      }
    }
  }

  @Test
  void addressesResolveWhicheverNameAndSpellingTheyUse() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(scratch.settings())) {
      ProvinceNames names;
      try (Connection c = db.connection()) {
        names = ProvinceNames.load(c);
      }
      assertThat(names.resolve("TP. Hồ Chí Minh", null)).hasValue("ho-chi-minh");
      assertThat(names.resolve("tỉnh Bình Dương", null)).hasValue("ho-chi-minh");
      assertThat(names.resolve("Thành phố Hà Nội", null)).hasValue("ha-noi");
      assertThat(names.resolve("Thua Thien Hue", null)).hasValue("hue");
      assertThat(names.resolve("Hoà Bình", null)).hasValue("phu-tho"); // old tone placement
      assertThat(names.resolve("Đắk Nông", null)).hasValue("lam-dong");
      assertThat(names.resolve(null, "12 Lê Lợi, Phường 1, TP.HCM")).hasValue("ho-chi-minh");
      assertThat(names.resolve("", "Số 5, Hải Dương")).hasValue("hai-phong");
      assertThat(names.resolve("Atlantis", "nowhere")).isEmpty();
    }
  }
}
