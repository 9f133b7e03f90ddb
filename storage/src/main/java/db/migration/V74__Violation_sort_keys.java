package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The queue's sort keys beside each violation row, so a page filtered by violation and sorted by
 * score, date or price is one index walk of {@code verdict_violations} from its keyset boundary.
 * The keys live on {@code verdicts} (score, flagged) and {@code listings} (observed_at,
 * price_amount); no index can span two tables, so without the copies a filtered page walked the
 * listings in price or date order and probed each for the violation (about 650 rows for a page of
 * 50 at a million listings). The copies are written with the rows they copy by every writer ({@code
 * org.markwatch.storage.QueueKeys}, called by {@code ListingStore} and {@code BulkLoader}).
 *
 * <p>PostgreSQL: partial indexes over the flagged rows (the only ones the queue reads), with the
 * price keys as expressions like V73's. H2 (no partial or expression indexes): plain indexes with
 * {@code flagged} after the violation; a small database sorts what it reads.
 */
public class V74__Violation_sort_keys extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    boolean postgres = Dialect.isPostgres(context);
    try (Statement st = context.getConnection().createStatement()) {
      st.execute("ALTER TABLE verdict_violations ADD COLUMN flagged BOOLEAN");
      st.execute("ALTER TABLE verdict_violations ADD COLUMN score DOUBLE PRECISION");
      st.execute("ALTER TABLE verdict_violations ADD COLUMN observed_at TIMESTAMP WITH TIME ZONE");
      st.execute("ALTER TABLE verdict_violations ADD COLUMN price_amount NUMERIC(20, 2)");
      if (postgres) {
        // one pass over the joined rows (the correlated form reads each table once per row)
        st.execute(
            "UPDATE verdict_violations vv SET flagged = v.flagged, score = v.score,"
                + " observed_at = l.observed_at, price_amount = l.price_amount"
                + " FROM verdicts v, listings l"
                + " WHERE v.listing_id = vv.listing_id AND l.id = vv.listing_id");
        st.execute(
            "CREATE INDEX verdict_violations_score ON verdict_violations"
                + " (violation, score, listing_id) WHERE flagged");
        st.execute(
            "CREATE INDEX verdict_violations_date ON verdict_violations"
                + " (violation, observed_at, listing_id) WHERE flagged");
        st.execute(
            "CREATE INDEX verdict_violations_price ON verdict_violations"
                + " (violation, (COALESCE(price_amount, 1e18)), listing_id) WHERE flagged");
        st.execute(
            "CREATE INDEX verdict_violations_price_desc ON verdict_violations"
                + " (violation, (COALESCE(price_amount, -1e18)), listing_id) WHERE flagged");
        Statistics.analyzeIfFilled(st, "verdict_violations");
      } else {
        st.execute(
            "UPDATE verdict_violations vv SET"
                + " flagged = (SELECT v.flagged FROM verdicts v WHERE v.listing_id = vv.listing_id),"
                + " score = (SELECT v.score FROM verdicts v WHERE v.listing_id = vv.listing_id),"
                + " observed_at = (SELECT l.observed_at FROM listings l WHERE l.id = vv.listing_id),"
                + " price_amount = (SELECT l.price_amount FROM listings l WHERE l.id = vv.listing_id)");
        st.execute(
            "CREATE INDEX verdict_violations_score ON verdict_violations"
                + " (violation, flagged, score, listing_id)");
        st.execute(
            "CREATE INDEX verdict_violations_date ON verdict_violations"
                + " (violation, flagged, observed_at, listing_id)");
        st.execute(
            "CREATE INDEX verdict_violations_price ON verdict_violations"
                + " (violation, flagged, price_amount, listing_id)");
      }
      // V2's index on the violation alone: every index above starts with it
      st.execute("DROP INDEX verdict_violations_violation");
    }
  }
}
