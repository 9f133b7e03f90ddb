package org.markwatch.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Every row of the data tables as text, in key order: to compare a database before and after. */
public final class Snapshot {
  private Snapshot() {}

  public static List<String> of(DataSource ds) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT * FROM sellers ORDER BY id",
              "SELECT * FROM listings ORDER BY id",
              "SELECT * FROM verdicts ORDER BY listing_id",
              "SELECT * FROM verdict_violations ORDER BY listing_id, violation",
              "SELECT * FROM crawl_runs ORDER BY id",
              "SELECT * FROM observations ORDER BY id",
              "SELECT * FROM observation_verdicts ORDER BY observation_id, ruleset_version",
              "SELECT version, author, status, publish_seq, note FROM rulesets ORDER BY version", // not the clock columns
              "SELECT * FROM reviews ORDER BY listing_id",
              "SELECT * FROM seller_provinces ORDER BY seller_id, province_text")) {
        try (ResultSet rs = st.executeQuery(sql)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row =
                new StringBuilder(sql.substring(sql.indexOf(" FROM ") + 6, sql.indexOf(" ORDER")))
                    .append(':');
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.append(md.getColumnLabel(i)).append('=').append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }
}
