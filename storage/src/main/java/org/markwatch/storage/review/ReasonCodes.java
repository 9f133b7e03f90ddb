package org.markwatch.storage.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;

/** The documented reason codes (table reason_codes), by outcome then code. */
public final class ReasonCodes {
  private final DataSource dataSource;

  public ReasonCodes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public List<ReasonCode> list() {
    return Transactions.run(dataSource, "read the reason codes", ReasonCodes::list);
  }

  public List<ReasonCode> forOutcome(ReviewState outcome) {
    return list().stream().filter(r -> r.outcome() == outcome).toList();
  }

  static List<ReasonCode> list(Connection c) throws SQLException {
    List<ReasonCode> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT code, outcome, label_vi, label_en FROM reason_codes ORDER BY outcome, code");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ReasonCode(
                rs.getString(1),
                ReviewState.parse(rs.getString(2)),
                rs.getString(3),
                rs.getString(4)));
      }
    }
    return out;
  }

  static Optional<ReasonCode> find(Connection c, String code) throws SQLException {
    return list(c).stream().filter(r -> r.code().equals(code)).findFirst();
  }
}
