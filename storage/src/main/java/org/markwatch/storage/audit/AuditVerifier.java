package org.markwatch.storage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.markwatch.storage.StorageException;

/**
 * Walks the audit chain in seq order and reports the first row that was edited (its hash no longer
 * matches its fields), deleted (a gap in seq, a broken link, or a tail shorter than the head says)
 * or reordered (a row whose fields were moved to another seq fails its hash, the next one its
 * link). Streams the rows, so a long log takes constant memory.
 */
public final class AuditVerifier {
  private final DataSource dataSource;

  public AuditVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public AuditVerification verify() {
    String sql =
        "SELECT seq, at, actor, action, subject, detail, prev_hash, row_hash FROM audit_log ORDER BY seq";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(1000);
        long expected = 1;
        String prev = AuditLog.GENESIS;
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            AuditEntry e = AuditLog.row(rs);
            rows++;
            if (e.seq() != expected) {
              return new AuditVerification(
                  rows,
                  expected,
                  e.seq() > expected
                      ? "missing (deleted): the next row is " + e.seq()
                      : "seq " + e.seq() + " out of order");
            }
            String recomputed =
                AuditLog.hash(
                    e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.detail(), e.prevHash());
            if (!recomputed.equals(e.rowHash())) {
              return new AuditVerification(
                  rows, e.seq(), "edited or moved: its content does not match its hash");
            }
            if (!prev.equals(e.prevHash())) {
              return new AuditVerification(
                  rows,
                  e.seq(),
                  "chain broken: it does not follow row "
                      + (e.seq() - 1)
                      + " (a row was deleted, replaced or reordered)");
            }
            prev = e.rowHash();
            expected++;
          }
        }
        try (PreparedStatement head =
                c.prepareStatement("SELECT seq, row_hash FROM audit_head WHERE id = 1");
            ResultSet rs = head.executeQuery()) {
          if (!rs.next()) {
            return new AuditVerification(rows, expected, "the chain head (audit_head) is missing");
          }
          long headSeq = rs.getLong(1);
          if (headSeq != expected - 1 || !rs.getString(2).strip().equals(prev)) {
            return new AuditVerification(
                rows,
                Math.min(expected, headSeq + 1),
                "the log ends at row "
                    + (expected - 1)
                    + " but its head says "
                    + headSeq
                    + " (the last rows were deleted or the head was edited)");
          }
        }
        return new AuditVerification(rows, null, null);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StorageException("cannot read the audit log: " + e.getMessage(), e);
    }
  }
}
