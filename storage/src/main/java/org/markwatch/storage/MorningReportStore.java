package org.markwatch.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Stored morning reports (table {@code morning_reports}, migration V32): one per crawl run, written
 * by the scheduler after a scheduled run (or by {@code markwatch crawl report --store}); listed by
 * the portal and printed by {@code markwatch crawl report}. Saving again for the same run replaces
 * the report.
 */
public final class MorningReportStore {
  private final DataSource dataSource;

  public MorningReportStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts or replaces the report of {@code report.runId()}. */
  public void save(MorningReport report) {
    Transactions.run(
        dataSource,
        "save the morning report of " + report.runId(),
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM morning_reports WHERE run_id = ?")) {
            del.setString(1, report.runId());
            del.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO morning_reports (run_id, created_at, title, text_body, html_body) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, report.runId());
            ps.setObject(2, Transactions.at(report.createdAt()));
            ps.setString(3, report.title());
            ps.setString(4, report.text());
            ps.setString(5, report.html());
            return ps.executeUpdate();
          }
        });
  }

  /** The report of a run. */
  public Optional<MorningReport> find(String runId) {
    return one(
        "SELECT run_id, created_at, title, text_body, html_body FROM morning_reports WHERE run_id = ?",
        runId);
  }

  /** The newest report. */
  public Optional<MorningReport> latest() {
    return one(
        "SELECT run_id, created_at, title, text_body, html_body FROM morning_reports ORDER BY created_at DESC, run_id DESC LIMIT 1",
        null);
  }

  /** The newest reports first, without their bodies. */
  public List<MorningReport.Entry> list(int limit) {
    return Transactions.run(
        dataSource,
        "list morning reports",
        c -> {
          List<MorningReport.Entry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT run_id, created_at, title FROM morning_reports ORDER BY created_at DESC, run_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new MorningReport.Entry(
                        rs.getString(1), Transactions.instant(rs, 2), rs.getString(3)));
              }
            }
          }
          return out;
        });
  }

  private Optional<MorningReport> one(String sql, String runId) {
    return Transactions.run(
        dataSource,
        "read morning reports",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (runId != null) {
              ps.setString(1, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<MorningReport>empty();
              }
              return Optional.of(
                  new MorningReport(
                      rs.getString(1),
                      Transactions.instant(rs, 2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5)));
            }
          }
        });
  }
}
