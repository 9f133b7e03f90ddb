package org.markwatch.storage.backtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.Transactions;

/**
 * What a backtest would change against the current verdicts: listings newly flagged, no longer
 * flagged, flagged with other violations (counts and the highest-scored examples of each), and the
 * precision of every rule against the analysts' decisions, for the candidate and for the current
 * verdicts of the same listings.
 */
public record BacktestDiff(
    BacktestRun run,
    long compared,
    long newlyFlagged,
    long noLongerFlagged,
    long changedViolations,
    List<Example> newlyFlaggedExamples,
    List<Example> noLongerFlaggedExamples,
    List<Example> changedExamples,
    List<RulePrecision> rules) {

  /** One listing whose verdict changes. */
  public record Example(
      String listingId,
      String title,
      boolean flaggedBefore,
      String violationsBefore,
      double scoreBefore,
      boolean flaggedAfter,
      String violationsAfter,
      double scoreAfter) {}

  /** Listings in the candidate's flagged set, not in the current one (or without a verdict). */
  static final String NEWLY = "b.flagged = TRUE AND (v.flagged IS NULL OR v.flagged = FALSE)";

  static final String NO_LONGER = "b.flagged = FALSE AND v.flagged = TRUE";
  static final String CHANGED =
      "b.flagged = TRUE AND v.flagged = TRUE AND b.violations <> v.violations";

  /** The diff of a run, with up to {@code examples} examples of each kind. */
  public static BacktestDiff of(DataSource dataSource, String runId, int examples) {
    BacktestRun run =
        new Backtest(dataSource)
            .find(runId)
            .orElseThrow(() -> new StorageException("no backtest " + runId));
    return Transactions.run(
        dataSource,
        "compare backtest " + runId,
        c -> {
          long[] counts = new long[4];
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COUNT(*), SUM(CASE WHEN "
                      + NEWLY
                      + " THEN 1 ELSE 0 END), SUM(CASE WHEN "
                      + NO_LONGER
                      + " THEN 1 ELSE 0 END), SUM(CASE WHEN "
                      + CHANGED
                      + " THEN 1 ELSE 0 END) FROM backtest_verdicts b"
                      + " LEFT JOIN verdicts v ON v.listing_id = b.listing_id WHERE b.run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              for (int i = 0; i < 4; i++) {
                counts[i] = rs.getLong(i + 1);
              }
            }
          }
          return new BacktestDiff(
              run,
              counts[0],
              counts[1],
              counts[2],
              counts[3],
              examples(c, runId, NEWLY, examples),
              examples(c, runId, NO_LONGER, examples),
              examples(c, runId, CHANGED, examples),
              precision(c, runId));
        });
  }

  private static List<Example> examples(Connection c, String runId, String where, int limit)
      throws SQLException {
    List<Example> out = new ArrayList<>();
    if (limit <= 0) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.listing_id, l.title, v.flagged, v.violations, v.score, b.flagged,"
                + " b.violations, b.score FROM backtest_verdicts b"
                + " JOIN listings l ON l.id = b.listing_id"
                + " LEFT JOIN verdicts v ON v.listing_id = b.listing_id"
                + " WHERE b.run_id = ? AND "
                + where
                + " ORDER BY GREATEST(b.score, COALESCE(v.score, 0)) DESC, b.listing_id"
                + " FETCH FIRST "
                + limit
                + " ROWS ONLY")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Example(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  rs.getString(4) == null ? "" : rs.getString(4),
                  rs.getDouble(5),
                  rs.getBoolean(6),
                  rs.getString(7),
                  rs.getDouble(8)));
        }
      }
    }
    return out;
  }

  /**
   * Per rule: on the listings of the run the analysts decided (confirmed or actioned = right,
   * dismissed = wrong), how often the rule fired in the candidate's verdicts and in the current
   * ones, and how often it was right.
   */
  private static List<RulePrecision> precision(Connection c, String runId) throws SQLException {
    Map<String, long[]> counts = new TreeMap<>(); // candidate fired, right; current fired, right
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.rules, v.scored_json, r.state FROM backtest_verdicts b"
                + " JOIN reviews r ON r.listing_id = b.listing_id"
                + " LEFT JOIN verdicts v ON v.listing_id = b.listing_id"
                + " WHERE b.run_id = ? AND r.state IN ('confirmed', 'actioned', 'dismissed')")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean right = !rs.getString(3).equals("dismissed");
          for (String rule : split(rs.getString(1))) {
            long[] n = counts.computeIfAbsent(rule, k -> new long[4]);
            n[0]++;
            n[1] += right ? 1 : 0;
          }
          String json = rs.getString(2);
          var scored = json == null ? null : JsonCodec.decodeScored(json);
          if (scored != null && scored.ok()) {
            for (String rule : Backtest.ruleIds(scored.value())) {
              long[] n = counts.computeIfAbsent(rule, k -> new long[4]);
              n[2]++;
              n[3] += right ? 1 : 0;
            }
          }
        }
      }
    }
    List<RulePrecision> out = new ArrayList<>();
    counts.forEach((rule, n) -> out.add(new RulePrecision(rule, n[0], n[1], n[2], n[3])));
    return out;
  }

  static List<String> split(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(",")).filter(s -> !s.isBlank()).toList();
  }
}
