package org.markwatch.storage.cases;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.jurisdiction.OutOfJurisdictionException;

/**
 * Cases, their listings, sellers and actions, and confirmed violators. A provincial user works on
 * the cases of their province; every change is audited in its transaction and stamps the row with
 * that audit seq (the sharing export's cursor).
 */
public final class CaseStore {
  private final DataSource dataSource;
  private final AuditLog audit;
  private final Clock clock;

  public CaseStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public CaseStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.audit = new AuditLog(clock);
  }

  /** Opens a case in the actor's province (a national actor names one or none). */
  public CaseRecord create(
      Jurisdiction who,
      String id,
      String title,
      String provinceCode,
      String agencyCode,
      String summary) {
    String province = who.isNational() ? provinceCode : who.provinceCode();
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a case needs a title");
    }
    String caseId =
        id == null || id.isBlank()
            ? "CASE-" + UUID.randomUUID().toString().substring(0, 8)
            : id.strip();
    return Transactions.run(
        dataSource,
        "create case " + caseId,
        c -> {
          Instant now = clock.instant();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cases (id, title, status, province_code, agency_code,"
                      + " summary, created_by, created_at, updated_at) VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseId);
            ps.setString(2, title.strip());
            ps.setString(3, province);
            ps.setString(4, agencyCode);
            ps.setString(5, summary);
            ps.setString(6, who.username());
            ps.setObject(7, Transactions.at(now));
            ps.setObject(8, Transactions.at(now));
            ps.executeUpdate();
          }
          stamp(
              c, caseId, audit.append(c, who.username(), AuditAction.CASE_CREATED, caseId, title));
          return read(c, caseId).orElseThrow();
        });
  }

  public Optional<CaseRecord> find(Jurisdiction who, String caseId) {
    return Transactions.run(
        dataSource,
        "read case " + caseId,
        c -> {
          Optional<CaseRecord> r = read(c, caseId);
          r.ifPresent(k -> check(who, k));
          return r;
        });
  }

  /** The cases the user may see, newest first. */
  public List<CaseRecord> list(Jurisdiction who) {
    Jurisdiction.Condition j = who.condition("province_code", "created_by");
    return Transactions.run(
        dataSource,
        "list cases",
        c -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id FROM cases WHERE " + j.sql() + " ORDER BY created_at DESC, id")) {
            for (int i = 0; i < j.params().size(); i++) {
              ps.setObject(i + 1, j.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          List<CaseRecord> out = new ArrayList<>();
          for (String id : ids) {
            out.add(read(c, id).orElseThrow());
          }
          return out;
        });
  }

  /** Adds listings (and their sellers) to a case; listings already in it are skipped. */
  public CaseRecord addListings(Jurisdiction who, String caseId, List<String> listingIds) {
    return Transactions.run(
        dataSource,
        "add listings to case " + caseId,
        c -> {
          check(
              who,
              read(c, caseId)
                  .orElseThrow(() -> new IllegalArgumentException("no case '" + caseId + "'")));
          Instant now = clock.instant();
          for (String listingId : listingIds) {
            String seller = sellerOf(c, listingId);
            merge(c, "case_listings", "listing_id", caseId, listingId, who.username(), now);
            if (seller != null) {
              merge(c, "case_sellers", "seller_id", caseId, seller, who.username(), now);
            }
          }
          touch(c, caseId, now);
          stamp(
              c,
              caseId,
              audit.append(
                  c,
                  who.username(),
                  AuditAction.CASE_UPDATED,
                  caseId,
                  "added listings " + String.join(" ", listingIds)));
          return read(c, caseId).orElseThrow();
        });
  }

  /** Records an action (a takedown request, a referral, a fine) on a case. */
  public CaseAction addAction(
      Jurisdiction who,
      String caseId,
      String kind,
      String target,
      String status,
      String referenceNo,
      BigDecimal amountVnd,
      String note,
      Instant dueAt) {
    if (!CaseAction.KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "action kind '" + kind + "': expected one of " + CaseAction.KINDS);
    }
    if (!CaseAction.STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "action status '" + status + "': expected one of " + CaseAction.STATUSES);
    }
    if ("referral".equals(kind) && !CaseAction.AGENCY_TARGETS.contains(target)) {
      throw new IllegalArgumentException(
          "a referral goes to one of " + CaseAction.AGENCY_TARGETS + ", not '" + target + "'");
    }
    String key = UUID.randomUUID().toString();
    return Transactions.run(
        dataSource,
        "add an action to case " + caseId,
        c -> {
          check(
              who,
              read(c, caseId)
                  .orElseThrow(() -> new IllegalArgumentException("no case '" + caseId + "'")));
          Instant now = clock.instant();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO case_actions (action_key, case_id, kind, target,"
                      + " status, reference_no, amount_vnd, note, created_by, created_at, sent_at, due_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, caseId);
            ps.setString(3, kind);
            ps.setString(4, target);
            ps.setString(5, status);
            ps.setString(6, referenceNo);
            ps.setBigDecimal(7, amountVnd);
            ps.setString(8, note);
            ps.setString(9, who.username());
            ps.setObject(10, Transactions.at(now));
            setInstant(ps, 11, "sent".equals(status) ? now : null);
            setInstant(ps, 12, dueAt);
            ps.executeUpdate();
          }
          if ("referral".equals(kind) && "sent".equals(status)) {
            try (PreparedStatement ps =
                c.prepareStatement("UPDATE cases SET status = 'referred' WHERE id = ?")) {
              ps.setString(1, caseId);
              ps.executeUpdate();
            }
          }
          touch(c, caseId, now);
          stamp(
              c,
              caseId,
              audit.append(
                  c,
                  who.username(),
                  AuditAction.CASE_ACTION,
                  caseId,
                  kind
                      + " -> "
                      + target
                      + " "
                      + status
                      + (referenceNo == null ? "" : " ref=" + referenceNo)));
          return actions(c, caseId).stream()
              .filter(a -> a.actionKey().equals(key))
              .findFirst()
              .orElseThrow();
        });
  }

  /**
   * Moves an action on (planned → sent → acknowledged → done, or rejected), with its reference
   * number and due date when given; the dates follow the status (sent when first sent or later,
   * closed when done or rejected). Checked against the case's jurisdiction and audited.
   */
  public CaseAction updateAction(
      Jurisdiction who, String actionKey, String status, String referenceNo, Instant dueAt) {
    if (!CaseAction.STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "action status '" + status + "': expected one of " + CaseAction.STATUSES);
    }
    return Transactions.run(
        dataSource,
        "update action " + actionKey,
        c -> {
          String caseId = null;
          String before = null;
          String kind = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT case_id, status, kind FROM case_actions WHERE action_key = ? FOR UPDATE")) {
            ps.setString(1, actionKey);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                caseId = rs.getString(1);
                before = rs.getString(2);
                kind = rs.getString(3);
              }
            }
          }
          if (caseId == null) {
            throw new IllegalArgumentException("no action '" + actionKey + "'");
          }
          String id = caseId;
          check(
              who,
              read(c, id).orElseThrow(() -> new IllegalArgumentException("no case '" + id + "'")));
          Instant now = clock.instant();
          boolean sent = !"planned".equals(status) && !"rejected".equals(status);
          boolean closed = "done".equals(status) || "rejected".equals(status);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE case_actions SET status = ?, reference_no = COALESCE(?, reference_no),"
                      + " due_at = COALESCE(?, due_at),"
                      + " sent_at = CASE WHEN ? THEN COALESCE(sent_at, ?) ELSE sent_at END,"
                      + " closed_at = CASE WHEN ? THEN COALESCE(closed_at, ?) ELSE NULL END"
                      + " WHERE action_key = ?")) {
            ps.setString(1, status);
            ps.setString(2, referenceNo == null || referenceNo.isBlank() ? null : referenceNo);
            setInstant(ps, 3, dueAt);
            ps.setBoolean(4, sent);
            ps.setObject(5, Transactions.at(now));
            ps.setBoolean(6, closed);
            ps.setObject(7, Transactions.at(now));
            ps.setString(8, actionKey);
            ps.executeUpdate();
          }
          if ("referral".equals(kind) && sent) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE cases SET status = 'referred' WHERE id = ? AND status = 'open'")) {
              ps.setString(1, caseId);
              ps.executeUpdate();
            }
          }
          touch(c, caseId, now);
          stamp(
              c,
              caseId,
              audit.append(
                  c,
                  who.username(),
                  AuditAction.CASE_ACTION,
                  caseId,
                  kind
                      + " "
                      + actionKey
                      + " "
                      + before
                      + " -> "
                      + status
                      + (referenceNo == null || referenceNo.isBlank()
                          ? ""
                          : " ref=" + referenceNo)));
          return actions(c, caseId).stream()
              .filter(a -> a.actionKey().equals(actionKey))
              .findFirst()
              .orElseThrow();
        });
  }

  /**
   * Confirms a violator: a seller sanctioned under a legal basis by a decision (idempotent on
   * seller + decision).
   */
  public Violator confirmViolator(
      Jurisdiction who,
      String sellerId,
      String decisionRef,
      String legalBasis,
      String caseId,
      boolean publish,
      Instant removalDueAt) {
    if (decisionRef == null
        || decisionRef.isBlank()
        || legalBasis == null
        || legalBasis.isBlank()) {
      throw new IllegalArgumentException(
          "a confirmed violator needs the decision number and the legal basis");
    }
    return Transactions.run(
        dataSource,
        "confirm violator " + sellerId,
        c -> {
          String[] seller = seller(c, sellerId);
          if (!who.permits(seller[1], null)) {
            throw new OutOfJurisdictionException(
                "seller " + sellerId + " is outside the jurisdiction of " + who.username());
          }
          Instant now = clock.instant();
          long seq =
              audit.append(
                  c,
                  who.username(),
                  AuditAction.VIOLATOR_CONFIRMED,
                  sellerId,
                  "decision="
                      + decisionRef
                      + " basis="
                      + legalBasis
                      + (publish ? " published" : ""));
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
          MERGE INTO violators t
          USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(100)))) AS s(seller_id, decision_ref)
          ON t.seller_id = s.seller_id AND t.decision_ref = s.decision_ref
          WHEN MATCHED THEN UPDATE SET legal_basis = ?, case_id = ?, published = ?, published_at = ?,
            removal_due_at = ?, audit_seq = ?
          WHEN NOT MATCHED THEN INSERT (seller_id, decision_ref, legal_basis, case_id, seller_name, province_code,
            confirmed_by, confirmed_at, published, published_at, removal_due_at, audit_seq)
            VALUES (s.seller_id, s.decision_ref, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)) {
            int i = 1;
            ps.setString(i++, sellerId);
            ps.setString(i++, decisionRef);
            ps.setString(i++, legalBasis);
            ps.setString(i++, caseId);
            ps.setBoolean(i++, publish);
            setInstant(ps, i++, publish ? now : null);
            setInstant(ps, i++, removalDueAt);
            ps.setLong(i++, seq);
            ps.setString(i++, legalBasis);
            ps.setString(i++, caseId);
            ps.setString(i++, seller[0]);
            ps.setString(i++, seller[1]);
            ps.setString(i++, who.username());
            ps.setObject(i++, Transactions.at(now));
            ps.setBoolean(i++, publish);
            setInstant(ps, i++, publish ? now : null);
            setInstant(ps, i++, removalDueAt);
            ps.setLong(i, seq);
            ps.executeUpdate();
          }
          return violators(c, "seller_id = ? AND decision_ref = ?", sellerId, decisionRef).get(0);
        });
  }

  /** Records an appeal (filed, and when decided) or the removal of a published violator. */
  public Violator updateViolator(
      Jurisdiction who,
      String sellerId,
      String decisionRef,
      Instant appealFiledAt,
      Instant appealDecidedAt,
      Instant removedAt) {
    return Transactions.run(
        dataSource,
        "update violator " + sellerId,
        c -> {
          List<Violator> found =
              violators(c, "seller_id = ? AND decision_ref = ?", sellerId, decisionRef);
          if (found.isEmpty()) {
            throw new IllegalArgumentException(
                "no violator " + sellerId + " under decision " + decisionRef);
          }
          if (!who.permits(found.get(0).provinceCode(), null)) {
            throw new OutOfJurisdictionException(
                "seller " + sellerId + " is outside the jurisdiction of " + who.username());
          }
          long seq =
              audit.append(
                  c,
                  who.username(),
                  AuditAction.VIOLATOR_UPDATED,
                  sellerId,
                  "decision="
                      + decisionRef
                      + (appealFiledAt == null ? "" : " appeal filed " + appealFiledAt)
                      + (appealDecidedAt == null ? "" : " appeal decided " + appealDecidedAt)
                      + (removedAt == null ? "" : " removed " + removedAt));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE violators SET appeal_filed_at = COALESCE(?, appeal_filed_at),"
                      + " appeal_decided_at = COALESCE(?, appeal_decided_at), removed_at = COALESCE(?, removed_at),"
                      + " published = CASE WHEN CAST(? AS TIMESTAMP WITH TIME ZONE) IS NULL THEN published ELSE FALSE END, audit_seq = ?"
                      + " WHERE seller_id = ? AND decision_ref = ?")) {
            setInstant(ps, 1, appealFiledAt);
            setInstant(ps, 2, appealDecidedAt);
            setInstant(ps, 3, removedAt);
            setInstant(ps, 4, removedAt);
            ps.setLong(5, seq);
            ps.setString(6, sellerId);
            ps.setString(7, decisionRef);
            ps.executeUpdate();
          }
          return violators(c, "seller_id = ? AND decision_ref = ?", sellerId, decisionRef).get(0);
        });
  }

  /** The confirmed violators the user may see. */
  public List<Violator> violators(Jurisdiction who) {
    Jurisdiction.Condition j = who.condition("province_code", "confirmed_by");
    return Transactions.run(
        dataSource, "list violators", c -> violators(c, j.sql(), j.params().toArray()));
  }

  // ---- rows

  static final String VIOLATOR_COLUMNS =
      "seller_id, decision_ref, legal_basis, case_id, seller_name, province_code,"
          + " confirmed_by, confirmed_at, published, published_at, appeal_filed_at, appeal_decided_at, removal_due_at,"
          + " removed_at, origin";

  static List<Violator> violators(Connection c, String where, Object... params)
      throws SQLException {
    List<Violator> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + VIOLATOR_COLUMNS
                + " FROM violators WHERE "
                + where
                + " ORDER BY confirmed_at DESC, seller_id, decision_ref")) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(violator(rs));
        }
      }
    }
    return out;
  }

  public static Violator violator(ResultSet rs) throws SQLException {
    return new Violator(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Transactions.instant(rs, 8),
        rs.getBoolean(9),
        Transactions.instant(rs, 10),
        Transactions.instant(rs, 11),
        Transactions.instant(rs, 12),
        Transactions.instant(rs, 13),
        Transactions.instant(rs, 14),
        rs.getString(15));
  }

  public static Optional<CaseRecord> read(Connection c, String caseId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, title, status, province_code, agency_code, summary,"
                + " created_by, created_at, updated_at, closed_at, origin FROM cases WHERE id = ?")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new CaseRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Transactions.instant(rs, 8),
                Transactions.instant(rs, 9),
                Transactions.instant(rs, 10),
                rs.getString(11),
                column(
                    c,
                    "SELECT listing_id FROM case_listings WHERE case_id = ? ORDER BY listing_id",
                    caseId),
                column(
                    c,
                    "SELECT seller_id FROM case_sellers WHERE case_id = ? ORDER BY seller_id",
                    caseId),
                actions(c, caseId)));
      }
    }
  }

  static List<CaseAction> actions(Connection c, String caseId) throws SQLException {
    List<CaseAction> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT action_key, case_id, kind, target, status, reference_no,"
                + " amount_vnd, note, created_by, created_at, sent_at, due_at, closed_at FROM case_actions WHERE case_id = ?"
                + " ORDER BY created_at, id")) {
      ps.setString(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CaseAction(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getBigDecimal(7),
                  rs.getString(8),
                  rs.getString(9),
                  Transactions.instant(rs, 10),
                  Transactions.instant(rs, 11),
                  Transactions.instant(rs, 12),
                  Transactions.instant(rs, 13)));
        }
      }
    }
    return out;
  }

  private static List<String> column(Connection c, String sql, String param) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static void check(Jurisdiction who, CaseRecord k) {
    if (!who.permits(k.provinceCode(), k.createdBy())) {
      throw new OutOfJurisdictionException(
          "case " + k.id() + " is outside the jurisdiction of " + who.username());
    }
  }

  private static String sellerOf(Connection c, String listingId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT seller_id FROM listings WHERE id = ?")) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no listing '" + listingId + "'");
        }
        return rs.getString(1);
      }
    }
  }

  /** The seller's name and province code. */
  private static String[] seller(Connection c, String sellerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT name, province_code FROM sellers WHERE id = ?")) {
      ps.setString(1, sellerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no seller '" + sellerId + "'");
        }
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  private static void merge(
      Connection c,
      String table,
      String column,
      String caseId,
      String value,
      String by,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "MERGE INTO "
                + table
                + " t USING (VALUES (CAST(? AS VARCHAR(64)),"
                + " CAST(? AS VARCHAR(512)))) AS s(case_id, v) ON t.case_id = s.case_id AND t."
                + column
                + " = s.v"
                + " WHEN NOT MATCHED THEN INSERT (case_id, "
                + column
                + ", added_by, added_at) VALUES (s.case_id, s.v, ?, ?)")) {
      ps.setString(1, caseId);
      ps.setString(2, value);
      ps.setString(3, by);
      ps.setObject(4, Transactions.at(now));
      ps.executeUpdate();
    }
  }

  private static void touch(Connection c, String caseId, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE cases SET updated_at = ? WHERE id = ?")) {
      ps.setObject(1, Transactions.at(now));
      ps.setString(2, caseId);
      ps.executeUpdate();
    }
  }

  private static void stamp(Connection c, String caseId, long seq) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET audit_seq = ? WHERE id = ?")) {
      ps.setLong(1, seq);
      ps.setString(2, caseId);
      ps.executeUpdate();
    }
  }

  private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(i, Transactions.at(t));
    }
  }
}
