package org.markwatch.storage.sharing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.cases.CaseAction;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.cases.Violator;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.review.Decision;
import org.markwatch.storage.review.Decisions;

/**
 * Exports confirmed violators, cases and decisions changed after a cursor (the audit seq of their
 * last change), as the user's {@link Jurisdiction} allows, in one read transaction; the export
 * itself is audited with the file's SHA-256.
 */
public final class Exporter {
  private final DataSource dataSource;
  private final AuditLog audit = new AuditLog();

  public Exporter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public ExportResult export(
      Jurisdiction who, long since, ShareFormat.Format format, OutputStream out) {
    MessageDigest sha = sha256();
    DigestOutputStream digesting = new DigestOutputStream(out, sha);
    ExportResult result =
        Transactions.run(
            dataSource,
            "export since " + since,
            c -> {
              List<Map<String, Object>> records = new ArrayList<>();
              long cursor = since;
              int v = 0;
              int k = 0;
              int d = 0;
              for (Map<String, Object> x : violators(c, who, since)) {
                records.add(x);
                v++;
              }
              for (Map<String, Object> x : cases(c, who, since)) {
                records.add(x);
                k++;
              }
              for (Map<String, Object> x : decisions(c, who, since)) {
                records.add(x);
                d++;
              }
              for (Map<String, Object> r : records) {
                cursor = Math.max(cursor, ((Number) r.get("seq")).longValue());
              }
              try {
                Writer w = new OutputStreamWriter(digesting, StandardCharsets.UTF_8);
                if (format == ShareFormat.Format.JSONL) {
                  for (Map<String, Object> r : records) {
                    w.write(JsonCodec.mapper().writeValueAsString(r));
                    w.write('\n');
                  }
                  Map<String, Object> end = new LinkedHashMap<>();
                  end.put("schema", ShareFormat.SCHEMA);
                  end.put("type", ShareFormat.END);
                  end.put("cursor", cursor);
                  end.put("records", records.size());
                  w.write(JsonCodec.mapper().writeValueAsString(end));
                  w.write('\n');
                } else {
                  List<Map<String, Object>> rows = new ArrayList<>(records);
                  Map<String, Object> end = new LinkedHashMap<>();
                  end.put("schema", ShareFormat.SCHEMA);
                  end.put("type", ShareFormat.END);
                  end.put("cursor", cursor);
                  end.put("records", records.size());
                  rows.add(end);
                  ShareCsv.write(w, rows);
                }
                w.flush();
              } catch (IOException e) {
                throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
              }
              return new ExportResult(since, cursor, v, k, d, null);
            });
    String hash = HexFormat.of().formatHex(sha.digest());
    audit.appendNow(
        dataSource,
        who.username(),
        AuditAction.EXPORT,
        format.name().toLowerCase(java.util.Locale.ROOT),
        "since="
            + since
            + " cursor="
            + result.cursor()
            + " violators="
            + result.violators()
            + " cases="
            + result.cases()
            + " decisions="
            + result.decisions()
            + " sha256="
            + hash
            + " scope="
            + (who.isNational() ? "national" : who.provinceCode()));
    return new ExportResult(
        result.since(),
        result.cursor(),
        result.violators(),
        result.cases(),
        result.decisions(),
        hash);
  }

  // ---- reading, within jurisdiction

  private static List<Map<String, Object>> violators(Connection c, Jurisdiction who, long since)
      throws SQLException {
    Jurisdiction.Condition j = who.condition("province_code", "confirmed_by");
    List<Map<String, Object>> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seller_id, decision_ref, legal_basis, case_id, seller_name,"
                + " province_code, confirmed_by, confirmed_at, published, published_at, appeal_filed_at, appeal_decided_at,"
                + " removal_due_at, removed_at, origin, audit_seq FROM violators WHERE audit_seq > ? AND "
                + j.sql()
                + " ORDER BY audit_seq, seller_id, decision_ref")) {
      bind(ps, since, j);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(violator(CaseStore.violator(rs), rs.getLong(16)));
        }
      }
    }
    return out;
  }

  private static List<Map<String, Object>> cases(Connection c, Jurisdiction who, long since)
      throws SQLException {
    Jurisdiction.Condition j = who.condition("province_code", "created_by");
    List<String> ids = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, audit_seq FROM cases WHERE audit_seq > ? AND "
                + j.sql()
                + " ORDER BY audit_seq, id")) {
      bind(ps, since, j);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
          seqs.add(rs.getLong(2));
        }
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, Object> record =
          caseRecord(CaseStore.read(c, ids.get(i)).orElseThrow(), seqs.get(i));
      record.put("bankAccounts", bankAccounts(c, ids.get(i)));
      out.add(record);
    }
    return out;
  }

  private static List<Map<String, Object>> decisions(Connection c, Jurisdiction who, long since)
      throws SQLException {
    // A provincial user exports the decisions on their province's listings, and their own.
    Jurisdiction.Condition j = who.condition("s.province_code", "d.decided_by");
    List<Map<String, Object>> out = new ArrayList<>();
    String cols = Decisions.columns().replaceAll("(^|, )", "$1d.");
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + cols
                + ", d.audit_seq FROM decisions d"
                + " LEFT JOIN listings l ON l.id = d.listing_id LEFT JOIN sellers s ON s.id = l.seller_id"
                + " WHERE d.audit_seq > ? AND "
                + j.sql()
                + " ORDER BY d.audit_seq, d.id")) {
      bind(ps, since, j);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(decision(Decisions.read(rs), rs.getLong(14)));
        }
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, long since, Jurisdiction.Condition j)
      throws SQLException {
    ps.setLong(1, since);
    for (int i = 0; i < j.params().size(); i++) {
      ps.setObject(i + 2, j.params().get(i));
    }
  }

  // ---- records

  private static Map<String, Object> head(String type, long seq, String origin) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", ShareFormat.SCHEMA);
    m.put("type", type);
    m.put("seq", seq);
    m.put("origin", origin);
    return m;
  }

  private static Map<String, Object> violator(Violator v, long seq) {
    Map<String, Object> m = head(ShareFormat.VIOLATOR, seq, v.origin());
    m.put("sellerId", v.sellerId());
    m.put("decisionRef", v.decisionRef());
    m.put("legalBasis", v.legalBasis());
    m.put("caseId", v.caseId());
    m.put("sellerName", v.sellerName());
    m.put("provinceCode", v.provinceCode());
    m.put("confirmedBy", v.confirmedBy());
    m.put("confirmedAt", text(v.confirmedAt()));
    m.put("published", v.published());
    m.put("publishedAt", text(v.publishedAt()));
    m.put("appealFiledAt", text(v.appealFiledAt()));
    m.put("appealDecidedAt", text(v.appealDecidedAt()));
    m.put("removalDueAt", text(v.removalDueAt()));
    m.put("removedAt", text(v.removedAt()));
    return m;
  }

  private static Map<String, Object> caseRecord(CaseRecord k, long seq) {
    Map<String, Object> m = head(ShareFormat.CASE, seq, k.origin());
    m.put("id", k.id());
    m.put("title", k.title());
    m.put("status", k.status());
    m.put("provinceCode", k.provinceCode());
    m.put("agencyCode", k.agencyCode());
    m.put("summary", k.summary());
    m.put("createdBy", k.createdBy());
    m.put("createdAt", text(k.createdAt()));
    m.put("updatedAt", text(k.updatedAt()));
    m.put("closedAt", text(k.closedAt()));
    m.put("listingIds", k.listingIds());
    m.put("sellerIds", k.sellerIds());
    List<Map<String, Object>> actions = new ArrayList<>();
    for (CaseAction a : k.actions()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("actionKey", a.actionKey());
      x.put("kind", a.kind());
      x.put("target", a.target());
      x.put("status", a.status());
      x.put("referenceNo", a.referenceNo());
      x.put("amountVnd", a.amountVnd());
      x.put("note", a.note());
      x.put("createdBy", a.createdBy());
      x.put("createdAt", text(a.createdAt()));
      x.put("sentAt", text(a.sentAt()));
      x.put("dueAt", text(a.dueAt()));
      x.put("closedAt", text(a.closedAt()));
      actions.add(x);
    }
    m.put("actions", actions);
    return m;
  }

  /**
   * The bank accounts of the case's sellers, those named in the case and those selling its listings
   * (seller_contacts, V21): what a referral to the State Bank needs.
   */
  private static List<Map<String, Object>> bankAccounts(Connection c, String caseId)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT seller_id, shown, listing_id, first_seen, last_seen FROM seller_contacts"
                + " WHERE kind = 'bank_account' AND seller_id IN"
                + " (SELECT seller_id FROM case_sellers WHERE case_id = ?"
                + " UNION SELECT l.seller_id FROM case_listings cl JOIN listings l ON l.id = cl.listing_id"
                + " WHERE cl.case_id = ?)"
                + " ORDER BY seller_id, value_key")) {
      ps.setString(1, caseId);
      ps.setString(2, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("sellerId", rs.getString(1));
          m.put("account", rs.getString(2));
          m.put("listingId", rs.getString(3));
          m.put("firstSeen", text(Transactions.instant(rs, 4)));
          m.put("lastSeen", text(Transactions.instant(rs, 5)));
          out.add(m);
        }
      }
    }
    return out;
  }

  private static Map<String, Object> decision(Decision d, long seq) {
    Map<String, Object> m = head(ShareFormat.DECISION, seq, d.origin());
    m.put("decisionKey", d.decisionKey());
    m.put("listingId", d.listingId());
    m.put("from", d.from().sql());
    m.put("to", d.to().sql());
    m.put("reasonCode", d.reasonCode());
    m.put("note", d.note());
    m.put("evidenceRefs", d.evidenceRefs());
    m.put("decidedBy", d.decidedBy());
    m.put("decidedAt", text(d.decidedAt()));
    m.put("rulesetVersion", d.rulesetVersion());
    m.put("score", d.score());
    return m;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
