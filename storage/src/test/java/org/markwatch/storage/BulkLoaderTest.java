package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;

/**
 * COPY and the JDBC batch write the same rows (PostgreSQL), seller contact points and province
 * history included; a second COPY of the same records adds nothing.
 */
class BulkLoaderTest {
  private static final List<String> COMPARED =
      List.of(
          "SELECT id, platform, name, province, province_code, phones, first_seen, last_seen,"
              + " content_sha256 FROM sellers ORDER BY id",
          "SELECT * FROM seller_contacts ORDER BY seller_id, kind, value_key",
          "SELECT * FROM seller_provinces ORDER BY seller_id, province_text",
          "SELECT id, title, price_amount, seller_id, observed_at, listing_json, content_sha256 FROM listings ORDER BY id",
          "SELECT id, listing_id, observed_at, price_amount FROM observations ORDER BY id",
          "SELECT observation_id, ruleset_version, score, flagged, violations FROM observation_verdicts ORDER BY 1, 2",
          "SELECT listing_id, ruleset_version, score, flagged, top_violation, violations, observation_id, ruleset_seq"
              + " FROM verdicts ORDER BY listing_id",
          "SELECT * FROM verdict_violations ORDER BY listing_id, violation",
          "SELECT * FROM queue_search ORDER BY listing_id",
          "SELECT listing_id, state, queued_at FROM reviews ORDER BY listing_id");

  @Test
  void copyWritesWhatTheBatchWrites() throws Exception {
    List<ScoredListing> records = generate(600);
    try (TestDatabase a = TestDatabase.create(TestDatabase.Backend.POSTGRES);
        Database viaCopy = Database.open(a.settings());
        TestDatabase b = TestDatabase.create(TestDatabase.Backend.POSTGRES);
        Database viaBatch = Database.open(b.settings())) {
      BulkLoader.Result copy = new BulkLoader(viaCopy).load(records, BulkLoader.Method.COPY);
      BulkLoader.Result batch =
          new BulkLoader(viaBatch).load(records, BulkLoader.Method.JDBC_BATCH);
      assertThat(copy.method()).isEqualTo(BulkLoader.Method.COPY);
      assertThat(batch.method()).isEqualTo(BulkLoader.Method.JDBC_BATCH);
      assertThat(rows(viaCopy)).containsExactlyInAnyOrderElementsOf(rows(viaBatch));
      assertThat(rows(viaCopy)).hasSizeGreaterThan(600 * 4);
      // the contact points are there, not merely equal: the seller's phone, the listings' Zalo
      // numbers (one written two ways), bank accounts and e-mails, with the listing first seen on
      assertThat(count(viaCopy, "SELECT COUNT(*) FROM seller_contacts WHERE kind = 'phone'"))
          .isEqualTo(41);
      assertThat(
              count(
                  viaCopy,
                  "SELECT COUNT(DISTINCT kind) FROM seller_contacts WHERE listing_id IS NOT NULL"))
          .isEqualTo(3);
      assertThat(count(viaCopy, "SELECT COUNT(*) FROM seller_provinces")).isEqualTo(41);

      List<String> before = rows(viaCopy);
      new BulkLoader(viaCopy).load(records, BulkLoader.Method.COPY);
      assertThat(rows(viaCopy)).isEqualTo(before);
    }
  }

  @Test
  void onH2TheLoaderFallsBackToTheBatch() throws Exception {
    try (TestDatabase a = TestDatabase.create(TestDatabase.Backend.H2);
        Database db = Database.open(a.settings())) {
      BulkLoader.Result r = new BulkLoader(db).load(generate(50), BulkLoader.Method.COPY);
      assertThat(r.method()).isEqualTo(BulkLoader.Method.JDBC_BATCH);
      assertThat(r.listings()).isEqualTo(51);
    }
  }

  /** Generated listings: a third flagged, sellers across two provinces, one listing seen twice. */
  static List<ScoredListing> generate(int n) {
    List<ScoredListing> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "shopee:gen:" + i;
      Listing l =
          Fixtures.listing(
                  id,
                  "shopee",
                  "shopee:shop:g" + (i % 40),
                  "Sản phẩm \"số\" " + i + ", giá tốt",
                  "2026-11-01T07:00:00Z")
              .toBuilder()
              .price(Money.vnd(10_000L * (i % 97 + 1)))
              // contacts shared between sellers and listings, the same number written two ways
              .contacts(
                  List.of(
                      new Contact(
                          "zalo", i % 2 == 0 ? "0912 345 " + (100 + i % 9) : "+8491234510" + i % 9),
                      new Contact("bank_account", "Vietcombank " + (1_000_000 + i % 13)),
                      new Contact("email", "Shop" + i % 5 + "@Example.vn")))
              .build();
      boolean flagged = i % 3 == 0;
      out.add(
          new ScoredListing(
              l,
              Scored.of(
                  id,
                  "rules-bench",
                  flagged ? 0.5 + (i % 50) / 100.0 : 0.1,
                  flagged,
                  flagged ? List.of("counterfeit", "ip_infringing") : List.of(),
                  List.of(),
                  List.of())));
    }
    // seen again later, its seller now in another province and with another phone
    Listing again =
        Fixtures.listing(
            "shopee:gen:0", "shopee", "shopee:shop:g0", "Sản phẩm mới", "2026-11-02T07:00:00Z");
    again =
        again.toBuilder()
            .seller(
                new Seller(
                    "shopee:shop:g0",
                    "Shop g0 mới",
                    null,
                    List.of("0987 654 321"),
                    null,
                    null,
                    "TP. Hồ Chí Minh",
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null))
            .build();
    out.add(
        new ScoredListing(
            again,
            Scored.of("shopee:gen:0", "rules-bench", 0.2, false, List.of(), List.of(), List.of())));
    return out;
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> rows(Database db) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      for (String sql : COMPARED) {
        try (ResultSet rs = st.executeQuery(sql)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.append(rs.getString(i)).append('|');
            }
            out.add(row.toString());
          }
        }
      }
    }
    return out;
  }
}
