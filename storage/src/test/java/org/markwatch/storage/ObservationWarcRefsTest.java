package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Evidence;
import org.markwatch.model.Listing;

/** The WARC references of a record's evidence land in its observation's columns (V70). */
class ObservationWarcRefsTest {
  private static final Evidence.WarcRef PAGE =
      new Evidence.WarcRef("run1-00000.warc.gz", 1234, "sha256:" + "b".repeat(64));
  private static final Evidence.WarcRef SHOT =
      new Evidence.WarcRef("run1-00001.warc.gz", 98765432100L, "sha256:" + "c".repeat(64));

  private static ScoredListing record(String id, boolean withRefs) {
    Listing l = Fixtures.listing(id, "mangxa", "mangxa:shop:a", "Túi", "2026-12-06T02:00:00Z");
    Evidence e = l.evidence();
    Evidence withShot = new Evidence(e.httpStatus(), e.fetchMode(), e.htmlSha256(), "c".repeat(64));
    l = l.toBuilder().evidence(withRefs ? withShot.withWarc(PAGE, SHOT) : withShot).build();
    return new ScoredListing(l, Fixtures.clean(id));
  }

  private static List<String> refs(DataSource ds) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT listing_id, page_warc_file, page_warc_offset, page_warc_digest,"
                    + " screenshot_warc_file, screenshot_warc_offset, screenshot_warc_digest"
                    + " FROM observations ORDER BY listing_id")) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder(rs.getString(1));
        for (int i = 2; i <= 7; i++) {
          row.append('|').append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private static final List<String> EXPECTED =
      List.of(
          "mangxa:1|run1-00000.warc.gz|1234|sha256:"
              + "b".repeat(64)
              + "|run1-00001.warc.gz|98765432100|sha256:"
              + "c".repeat(64),
          "mangxa:2|null|null|null|null|null|null");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void theStoreWritesTheRefs(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      new ListingStore(db.dataSource())
          .saveAll(List.of(record("mangxa:1", true), record("mangxa:2", false)));
      assertThat(refs(db.dataSource())).containsExactlyElementsOf(EXPECTED);
    }
  }

  @Test
  void theBulkCopyWritesTheSameRefs() throws Exception {
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.POSTGRES);
        Database db = Database.open(scratch.settings())) {
      BulkLoader.Result r =
          new BulkLoader(db)
              .load(
                  List.of(record("mangxa:1", true), record("mangxa:2", false)),
                  BulkLoader.Method.COPY);
      assertThat(r.method()).isEqualTo(BulkLoader.Method.COPY);
      assertThat(refs(db.dataSource())).containsExactlyElementsOf(EXPECTED);
    }
  }
}
