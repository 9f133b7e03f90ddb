package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code queue_search.search_head}: the folded text again, or null when it and the listing id
 * together pass 2,000 bytes, so it fits in a b-tree entry; PostgreSQL walks the queue in score
 * order reading it from the index alone. A search for a middling word ("nuoc hoa chanel", 0.7 % of
 * a million listings) walks about 8,000 rows for a page: over V75's {@code (score, listing_id)}
 * each row was a random heap page (8,700 buffers, 30-45 ms of one CPU on the million-listing
 * bench); from {@code queue_search_walk} it is about 900 buffers and 4 ms. A b-tree entry is at
 * most about 2,700 bytes: a whole text would refuse the write of a listing with a long title in a
 * wide script, so those few rows keep a null head, walk their own small index ({@code
 * queue_search_long}) and are matched on the listing's full text by the query ({@code QueueQuery}).
 * The trigram index for rare words moves to the head, with V75's larger histogram so the planner
 * still tells a middling word from a rare one.
 *
 * <p>Adding the column rewrites the table, which clears its visibility map: until a {@code VACUUM}
 * (autovacuum in production; {@code markwatch bench queue} runs one after migrating a reused
 * database) the index-only walk still visits each row's heap page, as V75's did. A {@code VACUUM}
 * cannot run in the migration's transaction, and one run by this migration outside it (tried on the
 * bench) left the map unset, most likely because Flyway's own transaction was still open. H2 gets
 * the column only (its search scans, as before).
 */
public class V78__Queue_search_walk extends BaseJavaMigration {
  /**
   * Bytes of folded text and listing id above which a row has no head (a b-tree entry holds
   * ~2,700).
   */
  static final int HEAD_BYTES = 2_000;

  @Override
  public void migrate(Context context) throws Exception {
    boolean postgres = Dialect.isPostgres(context);
    String head =
        "CASE WHEN OCTET_LENGTH(search_folded) + OCTET_LENGTH(listing_id) <= "
            + HEAD_BYTES
            + " THEN search_folded END";
    try (Statement st = context.getConnection().createStatement()) {
      if (!postgres) {
        st.execute(
            "ALTER TABLE queue_search ADD COLUMN IF NOT EXISTS search_head VARCHAR(4000)"
                + " GENERATED ALWAYS AS ("
                + head
                + ")");
        return;
      }
      st.execute(
          "ALTER TABLE queue_search ADD COLUMN IF NOT EXISTS search_head TEXT GENERATED ALWAYS AS ("
              + head
              + ") STORED");
      st.execute(
          "CREATE INDEX IF NOT EXISTS queue_search_walk ON queue_search (score, listing_id)"
              + " INCLUDE (search_head)");
      st.execute(
          "CREATE INDEX IF NOT EXISTS queue_search_long ON queue_search (score, listing_id)"
              + " WHERE search_head IS NULL");
      st.execute(
          "CREATE INDEX IF NOT EXISTS queue_search_head_trgm ON queue_search"
              + " USING gin (search_head gin_trgm_ops)");
      st.execute("DROP INDEX IF EXISTS queue_search_score");
      st.execute("DROP INDEX IF EXISTS queue_search_trgm");
      // V75's reason, now for the column the query filters on
      st.execute("ALTER TABLE queue_search ALTER COLUMN search_head SET STATISTICS 2000");
      Statistics.analyzeIfFilled(st, "queue_search");
    }
  }
}
