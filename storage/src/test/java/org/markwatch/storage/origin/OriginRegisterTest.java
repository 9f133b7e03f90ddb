package org.markwatch.storage.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.InvalidInputException;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;

/**
 * Migration V72 and the origin registers' checks on H2 and PostgreSQL: field codes for the portal
 * (the expected check digit of a wrong GTIN, a GTIN or serial range already registered, a taken
 * product id), and a brand owner's scope (another brand refused, another brand's product not
 * found).
 */
class OriginRegisterTest {
  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void checksAndBrandScope(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      OriginStore origin = new OriginStore(db.dataSource());
      origin.registerProduct("dielac-900", "vinamilk", "Dielac 900g", "Vinamilk", "op");
      origin.registerProduct("th-milk", "th-true-milk", "TH true MILK", "TH", "op");

      assertThat(code(() -> origin.registerProduct("dielac-900", "vinamilk", "x", "y", "op")))
          .isEqualTo("id taken");
      assertThat(code(() -> origin.registerProduct("bad id!", "Vinamilk Co", "", "y", "op")))
          .isEqualTo("id format; brand format; name missing");
      // the command line's one line names each field in English
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> origin.registerProduct("bad id!", "vinamilk", "", "y", "op"))
          .hasMessage(
              "product id 'bad id!': letters, digits, '.', '-' or '_', at most 64; name: missing");
      // 893467312345 + check digit 7: the message names the digit expected
      assertThat(code(() -> origin.addGtin("dielac-900", "8934673123450", "op")))
          .isEqualTo("gtin check_digit 7");
      assertThat(code(() -> origin.addGtin("dielac-900", "89346", "op"))).isEqualTo("gtin format");
      origin.addGtin("dielac-900", "8934673123457", "op");
      // the same GTIN in its 14-digit form, on another product: taken
      assertThat(code(() -> origin.addGtin("th-milk", "08934673123457", "op")))
          .isEqualTo("gtin taken");
      origin.addSerialRange("dielac-900", "VNM-", 1000, 1999, "op");
      assertThat(code(() -> origin.addSerialRange("th-milk", "vnm-", 1500, 2500, "op")))
          .isEqualTo("from overlap");
      origin.addSerialRange("th-milk", "VNM-", 2000, 2999, "op");
      assertThat(code(() -> origin.addSerialRange("th-milk", "VNM-", 9, 3, "op")))
          .isEqualTo("to order");

      new UserStore(db.dataSource())
          .add(
              new NewUser("vnm", "Vinamilk", null, null, Set.of(Role.BRAND_OWNER)),
              "correct horse battery",
              false,
              "admin");
      assertThat(code(() -> origin.grantBrand("op", "vinamilk", "admin")))
          .isEqualTo("username not_owner");
      origin.grantBrand("vnm", "vinamilk", "admin");
      origin.grantBrand("vnm", "vinamilk", "admin");
      assertThat(origin.ownerBrands("vnm")).containsExactly("vinamilk");
      assertThat(origin.owners()).containsEntry("vnm", Set.of("vinamilk"));
      BrandScope vnm = BrandScope.of(origin.ownerBrands("vnm"));
      assertThat(origin.products(vnm, 10))
          .extracting(GenuineProduct::id)
          .containsExactly("dielac-900");
      assertThat(origin.product(vnm, "th-milk")).isEmpty();
      assertThat(code(() -> origin.addGtin(vnm, "th-milk", "8934673000017", "vnm")))
          .isEqualTo("product not_found");
      assertThat(
              code(() -> origin.registerProduct(vnm, "th-2", "th-true-milk", "TH 2", "TH", "vnm")))
          .isEqualTo("brand not_yours");
      assertThat(
              code(
                  () ->
                      origin.authoriseSeller(
                          vnm, "vinamilk", null, "not a host", "Shop", null, "vnm")))
          .isEqualTo("shopHost format");
      assertThat(
              code(
                  () ->
                      origin.authoriseSeller(
                          vnm, "vinamilk", " ", null, "Shop", LocalDate.of(2020, 1, 1), "vnm")))
          .isEqualTo("sellerId seller_key; validUntil past");
      origin.authoriseSeller(
          vnm, "vinamilk", null, "https://Store.Vinamilk.example/shop", "Official", null, "vnm");
      assertThat(origin.authorisedBrands(null, "store.vinamilk.example"))
          .containsExactly("vinamilk");
      assertThat(origin.authorisedSellers(vnm, 10)).hasSize(1);
      assertThat(origin.authorisedSellers(BrandScope.of(Set.of("th-true-milk")), 10)).isEmpty();
      origin.revokeBrand("vnm", "vinamilk", "admin");
      assertThat(origin.ownerBrands("vnm")).isEmpty();

      try (var c = db.connection();
          var rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT action, COUNT(*) FROM audit_log WHERE action LIKE 'brand_owner%'"
                          + " OR action = 'origin_registered' GROUP BY action ORDER BY action")) {
        StringBuilder counts = new StringBuilder();
        while (rs.next()) {
          counts.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
        }
        // 2 products, 1 GTIN, 2 ranges, 1 seller; one grant (the second changed nothing), one
        // revoke
        assertThat(counts.toString().strip())
            .isEqualTo("brand_owner_granted=1 brand_owner_revoked=1 origin_registered=6");
      }
    }
  }

  /** The refusal's problems as "field code [value]; …". */
  private static String code(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      return String.join(
          "; ",
          e.problems().stream()
              .map(
                  p ->
                      p.field()
                          + " "
                          + p.code()
                          + (p.code().equals("check_digit") ? " " + p.value() : ""))
              .toList());
    }
    throw new AssertionError("not refused");
  }
}
