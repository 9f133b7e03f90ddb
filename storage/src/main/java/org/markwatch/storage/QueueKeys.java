package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Keeps the queue's denormalised copies right: the sort keys beside each violation row (migration
 * V74: the verdict's flagged and score, the listing's observed_at and price_amount) and {@code
 * queue_search} (V75: flagged listings with their score and folded search text). Both are copied
 * from {@code verdicts} and {@code listings} by SQL inside the writer's transaction, after the
 * writer has written those rows, so a copy can only say what the rows it copies say, whichever path
 * wrote them (a new observation, a rescore with another ruleset, a replay).
 */
public final class QueueKeys {
  private QueueKeys() {}

  static final String REFRESH_VIOLATIONS =
      """
      UPDATE verdict_violations SET
        flagged = (SELECT v.flagged FROM verdicts v WHERE v.listing_id = verdict_violations.listing_id),
        score = (SELECT v.score FROM verdicts v WHERE v.listing_id = verdict_violations.listing_id),
        observed_at = (SELECT l.observed_at FROM listings l WHERE l.id = verdict_violations.listing_id),
        price_amount = (SELECT l.price_amount FROM listings l WHERE l.id = verdict_violations.listing_id)
      WHERE listing_id = ?
      """;

  static final String DELETE_SEARCH = "DELETE FROM queue_search WHERE listing_id = ?";

  static final String INSERT_SEARCH =
      """
      INSERT INTO queue_search (listing_id, score, search_folded)
      SELECT v.listing_id, v.score, l.search_folded
      FROM verdicts v JOIN listings l ON l.id = v.listing_id
      WHERE v.listing_id = ? AND v.flagged
      """;

  /**
   * Copies the keys of these listings again from their current listing and verdict rows; call in
   * the transaction that wrote them, after writing. One statement per listing, batched: each is an
   * index lookup by key whatever the table's statistics. The batch's ids as one array ({@code
   * listing_id = ANY(?)}) were tried and measured worse: with no statistics yet (a new database
   * filling up, autovacuum off or behind) the planner reads the whole table once per batch for an
   * array of a few hundred ids, which grows with the table (50 M rows read in a 200k-listing
   * pipeline bench, the store's PostgreSQL connections busier than the job). {@code ids} in a fixed
   * order (the writers sort them) so concurrent writers lock rows in the same order.
   */
  static void refresh(Connection c, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement vv = c.prepareStatement(REFRESH_VIOLATIONS);
        PreparedStatement del = c.prepareStatement(DELETE_SEARCH);
        PreparedStatement ins = c.prepareStatement(INSERT_SEARCH)) {
      for (String id : ids) {
        vv.setString(1, id);
        vv.addBatch();
        del.setString(1, id);
        del.addBatch();
        ins.setString(1, id);
        ins.addBatch();
      }
      vv.executeBatch();
      del.executeBatch();
      ins.executeBatch();
    }
  }
}
