package org.markwatch.storage.backtest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Transactions;

/**
 * Per-rule precision of the current verdicts against the analysts' decisions (confirmed or actioned
 * = right, dismissed = wrong), over every decided listing: the rules console's table.
 */
public final class DecisionPrecision {
  private DecisionPrecision() {}

  /** Every rule that fired on a decided listing, by id (candidate columns are zero). */
  public static List<RulePrecision> current(DataSource dataSource) {
    return Transactions.run(
        dataSource,
        "per-rule precision from decisions",
        c -> {
          Map<String, long[]> counts = new TreeMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT v.scored_json, r.state FROM reviews r"
                          + " JOIN verdicts v ON v.listing_id = r.listing_id"
                          + " WHERE r.state IN ('confirmed', 'actioned', 'dismissed')");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              boolean right = !rs.getString(2).equals("dismissed");
              var scored = JsonCodec.decodeScored(rs.getString(1));
              if (scored.ok()) {
                for (String rule : Backtest.ruleIds(scored.value())) {
                  long[] n = counts.computeIfAbsent(rule, k -> new long[2]);
                  n[0]++;
                  n[1] += right ? 1 : 0;
                }
              }
            }
          }
          List<RulePrecision> out = new ArrayList<>();
          counts.forEach((rule, n) -> out.add(new RulePrecision(rule, 0, 0, n[0], n[1])));
          return out;
        });
  }
}
