package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code queue_search}: the flagged listings only, each with its score and the folded search text
 * of its title and id ({@code listings.search_folded}, V16), a narrow copy for the queue's search.
 * A search for a word of middling frequency walks the queue in score order until a page of matches
 * is found (thousands of rows at a million listings): over {@code listings} each step read a wide
 * row (the listing's JSON is stored inline), here it reads about a hundred bytes; a rare word is
 * answered from the trigram index, rechecked on the same narrow rows. The rows are written with the
 * listing and verdict they copy by every writer ({@code org.markwatch.storage.QueueKeys}).
 *
 * <p>PostgreSQL: {@code (score, listing_id)} for the walk and a {@code pg_trgm} GIN index (V16's
 * extension) for rare words. H2: {@code (score, listing_id)}; its search is a scan of the folded
 * column, as on {@code listings}.
 */
public class V75__Queue_search extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    boolean postgres = Dialect.isPostgres(context);
    try (Statement st = context.getConnection().createStatement()) {
      st.execute(
          "CREATE TABLE queue_search ("
              + " listing_id VARCHAR(512) NOT NULL PRIMARY KEY,"
              + " score DOUBLE PRECISION NOT NULL,"
              + (postgres ? " search_folded TEXT" : " search_folded VARCHAR(4000)")
              + ")");
      st.execute(
          "INSERT INTO queue_search (listing_id, score, search_folded)"
              + " SELECT v.listing_id, v.score, l.search_folded"
              + " FROM verdicts v JOIN listings l ON l.id = v.listing_id WHERE v.flagged");
      st.execute("CREATE INDEX queue_search_score ON queue_search (score, listing_id)");
      if (postgres) {
        st.execute(
            "CREATE INDEX queue_search_trgm ON queue_search USING gin (search_folded gin_trgm_ops)");
        // The planner estimates LIKE '%words%' by matching the pattern against the column's
        // histogram; with the default 100 entries a word in 0.7 % of the queue matches none and is
        // taken for a rare one (the trigram index, then every match joined and sorted: 4,000 rows
        // for a page of 50). 2,000 entries tell a middling word from a rare one, so the planner
        // walks the queue in score order for the former.
        st.execute("ALTER TABLE queue_search ALTER COLUMN search_folded SET STATISTICS 2000");
        Statistics.analyzeIfFilled(st, "queue_search");
      }
    }
  }
}
