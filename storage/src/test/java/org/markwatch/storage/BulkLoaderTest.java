package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;

/**
 * COPY and the JDBC batch write the same rows (PostgreSQL); a second COPY of the same records adds
 * nothing.
 */
class BulkLoaderTest {
  private static final List<String> COMPARED =
      List.of(
          "SELECT id, platform, name, province, province_code FROM sellers ORDER BY id",
          "SELECT id, title, price_amount, seller_id, observed_at, listing_json, content_sha256 FROM listings ORDER BY id",
          "SELECT id, listing_id, observed_at, price_amount FROM observations ORDER BY id",
          "SELECT observation_id, ruleset_version, score, flagged, violations FROM observation_verdicts ORDER BY 1, 2",
          "SELECT listing_id, ruleset_version, score, flagged, top_violation, violations, observation_id, ruleset_seq"
              + " FROM verdicts ORDER BY listing_id",
          "SELECT * FROM verdict_violations ORDER BY listing_id, violation",
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
    Listing again =
        Fixtures.listing(
            "shopee:gen:0", "shopee", "shopee:shop:g0", "Sản phẩm mới", "2026-11-02T07:00:00Z");
    out.add(
        new ScoredListing(
            again,
            Scored.of("shopee:gen:0", "rules-bench", 0.2, false, List.of(), List.of(), List.of())));
    return out;
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
