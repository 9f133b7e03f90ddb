package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes for the portal's queue read by keyset (a page starts where the last one ended: {@code
 * (key, id) < (?, ?)} in the sort's direction), so every page of a million-listing queue is an
 * index walk from its boundary. A Java migration, like V16, because the score and price orders need
 * a partial index and expression indexes, which PostgreSQL has and H2 does not; H2 (the embedded,
 * small database) keeps V17's plain indexes and sorts what it reads.
 *
 * <ul>
 *   <li>score: {@code verdicts (score, listing_id) WHERE flagged}, walked backwards (highest score
 *       first, ties by listing id), only the flagged verdicts the queue reads;
 *   <li>date: V60's {@code listings (observed_at, id)} already serves it, so V17's {@code
 *       listings_observed_at} goes (a duplicate prefix that only costs writes);
 *   <li>price and price_desc: the sort keys {@code COALESCE(price_amount, 1e18)} and {@code
 *       COALESCE(price_amount, -1e18)} (a listing without a price comes last either way) with the
 *       listing id; they replace V17's {@code listings_price}, which no query uses any more.
 * </ul>
 */
public class V73__Queue_keyset_indexes extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    boolean postgres = Dialect.isPostgres(context);
    try (Statement st = context.getConnection().createStatement()) {
      if (postgres) {
        st.execute(
            "CREATE INDEX verdicts_queue_score ON verdicts (score, listing_id) WHERE flagged");
        st.execute(
            "CREATE INDEX listings_price_key ON listings ((COALESCE(price_amount, 1e18)), id)");
        st.execute(
            "CREATE INDEX listings_price_desc_key ON listings"
                + " ((COALESCE(price_amount, -1e18)), id)");
        st.execute("DROP INDEX listings_price");
      } else {
        st.execute("CREATE INDEX verdicts_queue_score ON verdicts (flagged, score, listing_id)");
      }
      st.execute("DROP INDEX listings_observed_at");
    }
  }
}
