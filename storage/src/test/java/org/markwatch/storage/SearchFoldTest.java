package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;

/** Migration V16: the folded search columns, computed by the database on both backends. */
class SearchFoldTest {

  @Test
  void foldsVietnameseLettersCaseAndSpaces() {
    assertThat(SearchFold.fold("Nước  HOA Đà Lạt")).isEqualTo("nuoc hoa da lat");
    // decomposed input (combining marks) folds the same as precomposed
    assertThat(SearchFold.fold("Nu\u031Bo\u031B\u0301c hoa")).isEqualTo("nuoc hoa");
    assertThat(SearchFold.phoneKey("+84 912 345 678")).isEqualTo("912345678");
    assertThat(SearchFold.phoneKey("0912.345.678")).isEqualTo("912345678");
    assertThat(SearchFold.phoneKey("nước hoa 50ml")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void titlesAndSellersAreFoldedOnEveryWrite(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      store.save(
          listing("shopee:1", "Nước hoa CHANEL chính hãng", "Shop Đồng Hới", "0912 345 678"));
      store.save(listing("shopee:2", "Áo thun", "Shop B", null));

      assertThat(listingsMatching(db, "nuoc hoa")).containsExactly("shopee:1");
      assertThat(sellersMatching(db, "dong hoi")).containsExactly("shopee:shop:shopee:1");
      assertThat(sellersMatching(db, SearchFold.phoneKey("+84912345678")))
          .containsExactly("shopee:shop:shopee:1");

      // a newer observation rewrites the title, and the folded column follows
      store.save(
          new ScoredListing(
              Listing.builder("shopee:2", "shopee", "https://x.example/2", "2026-11-02T07:00:00Z")
                  .title("Nước hoa nhái")
                  .price(Money.vnd(1))
                  .seller(Seller.named("shopee:shop:shopee:2", "Shop B"))
                  .build(),
              Scored.of("shopee:2", "r1", 0.1, false, List.of(), List.of(), List.of())));
      assertThat(listingsMatching(db, "nuoc hoa"))
          .containsExactlyInAnyOrder("shopee:1", "shopee:2");
    }
  }

  private static List<String> listingsMatching(Database db, String folded) throws Exception {
    return ids(db, "SELECT id FROM listings WHERE search_folded LIKE ? ORDER BY id", folded);
  }

  private static List<String> sellersMatching(Database db, String folded) throws Exception {
    return ids(db, "SELECT id FROM sellers WHERE search_folded LIKE ? ORDER BY id", folded);
  }

  private static List<String> ids(Database db, String sql, String folded) throws Exception {
    try (Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "%" + folded + "%");
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  private static ScoredListing listing(String id, String title, String seller, String phone) {
    Seller s =
        new Seller(
            "shopee:shop:" + id,
            seller,
            null,
            phone == null ? null : List.of(phone),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return new ScoredListing(
        Listing.builder(id, "shopee", "https://x.example/" + id, "2026-11-01T07:00:00Z")
            .title(title)
            .price(Money.vnd(100_000))
            .seller(s)
            .build(),
        Scored.of(id, "r1", 0.9, true, List.of("counterfeit"), List.of(), List.of()));
  }
}
