package org.markwatch.storage.sharing;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.review.Decision;
import org.markwatch.storage.review.Decisions;
import org.markwatch.storage.review.ReviewState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Imports a {@code markwatch.share/1} file from another agency: JSON lines, or the CSV of an export
 * with --format csv ({@link ShareCsv}). The whole file is read and checked first (a malformed line
 * is reported with its number and field, and nothing is imported); then every record is merged by
 * its natural key in one transaction (decision key; case id and action key; seller + decision
 * number), so importing the same file twice changes nothing. The import is audited with the file's
 * SHA-256 and counts.
 */
public final class Importer {
  public static final int MAX_LINE_CHARS = 1 << 20;
  private static final Pattern ORIGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final DataSource dataSource;
  private final AuditLog audit = new AuditLog();

  public Importer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  record Line(int number, JsonNode node) {}

  /**
   * @param file the file's name, for messages
   * @param origin the agency the file comes from (lower case code), recorded on records that came
   *     from it directly (a record that already names another origin keeps it)
   * @param actor who imports, for the audit log
   */
  public ImportResult importFile(String file, InputStream in, String origin, String actor) {
    if (origin == null || !ORIGIN.matcher(origin).matches()) {
      throw new ImportException(
          "origin '"
              + origin
              + "': give the sending agency's code (lower case letters, digits, . _ -)");
    }
    MessageDigest sha = sha256();
    List<Line> lines = read(file, new DigestInputStream(in, sha));
    String hash = HexFormat.of().formatHex(sha.digest());
    return Transactions.run(
        dataSource,
        "import " + file,
        c -> {
          Set<String> reasons = column(c, "SELECT code FROM reason_codes");
          Set<String> provinces = column(c, "SELECT code FROM provinces");
          for (Line l : lines) {
            check(file, l, reasons, provinces);
          }
          long seq =
              audit.append(
                  c,
                  actor,
                  AuditAction.IMPORT,
                  file,
                  "origin=" + origin + " sha256=" + hash + " records=" + lines.size());
          int[] counts = new int[3];
          for (Line l : lines) {
            String type = l.node().get("type").asString();
            String from = text(l.node(), "origin");
            String recordOrigin = from == null || from.equals("local") ? origin : from;
            int outcome =
                switch (type) {
                  case ShareFormat.DECISION -> decision(c, l.node(), recordOrigin, seq);
                  case ShareFormat.VIOLATOR -> violator(c, l.node(), recordOrigin, seq);
                  default -> caseRecord(c, l.node(), recordOrigin, seq);
                };
            counts[outcome]++;
          }
          return new ImportResult(counts[0], counts[1], counts[2], hash, seq);
        });
  }

  // ---- reading and checking, before anything is written

  /**
   * Reads the whole file: JSON lines, or the CSV an export wrote with --format csv (told apart by
   * the first character: a JSON line starts with '{'). Every record becomes a JSON object with its
   * line number; then the end record must close it with the right count.
   */
  private static List<Line> read(String file, InputStream raw) {
    BufferedInputStream in = new BufferedInputStream(raw);
    List<Line> all;
    int lastLine;
    try {
      if (startsLikeJson(in)) {
        all = new ArrayList<>();
        lastLine = readJsonLines(file, in, all);
      } else {
        all = new ArrayList<>();
        lastLine = ShareCsv.read(file, in, all::add);
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ImportException(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw new ImportException(file + ": cannot read: " + e.getMessage());
    }
    List<Line> out = new ArrayList<>();
    Line end = null;
    for (Line l : all) {
      JsonNode node = l.node();
      if (!ShareFormat.SCHEMA.equals(text(node, "schema"))) {
        throw new ImportException(
            file
                + ":"
                + l.number()
                + ": schema must be \""
                + ShareFormat.SCHEMA
                + "\", got "
                + node.get("schema"));
      }
      if (end != null) {
        throw new ImportException(
            file + ":" + l.number() + ": a record after the end line (line " + end.number() + ")");
      }
      if (ShareFormat.END.equals(text(node, "type"))) {
        end = l;
      } else {
        out.add(l);
      }
    }
    if (end == null) {
      throw new ImportException(
          file + ":" + (lastLine + 1) + ": no end line: the file is truncated (nothing imported)");
    }
    if (!end.node().path("records").isNumber()
        || end.node().get("records").asLong() != out.size()) {
      throw new ImportException(
          file
              + ":"
              + end.number()
              + ": the end line says "
              + end.node().get("records")
              + " records, the file has "
              + out.size()
              + " (nothing imported)");
    }
    return out;
  }

  private static boolean startsLikeJson(BufferedInputStream in) throws IOException {
    in.mark(4096);
    try {
      for (int i = 0; i < 4096; i++) {
        int b = in.read();
        if (b < 0) {
          return true; // an empty file: reported as truncated, the JSON way
        }
        if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
          continue; // a byte-order mark or blank lines
        }
        return b == '{';
      }
      return true;
    } finally {
      in.reset();
    }
  }

  /** Reads JSON lines into {@code out}; returns the number of the last line. */
  private static int readJsonLines(String file, InputStream in, List<Line> out) throws IOException {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, utf8))) {
      String s;
      while ((s = r.readLine()) != null) {
        n++;
        if (s.isBlank()) {
          continue;
        }
        if (s.length() > MAX_LINE_CHARS) {
          throw new ImportException(
              file + ":" + n + ": line longer than " + MAX_LINE_CHARS + " characters");
        }
        JsonNode node;
        try {
          node = JsonCodec.mapper().readTree(s);
        } catch (JacksonException e) {
          throw new ImportException(file + ":" + n + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
          throw new ImportException(file + ":" + n + ": expected a JSON object");
        }
        out.add(new Line(n, node));
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ImportException(file + ":" + (n + 1) + ": not valid UTF-8");
    }
    return n;
  }

  private static void check(String file, Line l, Set<String> reasons, Set<String> provinces) {
    JsonNode n = l.node();
    String where = file + ":" + l.number() + ": ";
    String type = text(n, "type");
    if (type == null) {
      throw new ImportException(where + "type missing");
    }
    switch (type) {
      case ShareFormat.DECISION -> {
        required(
            where,
            n,
            "decisionKey",
            "listingId",
            "from",
            "to",
            "reasonCode",
            "decidedBy",
            "decidedAt");
        for (String f : List.of("from", "to")) {
          try {
            ReviewState.parse(n.get(f).asString());
          } catch (IllegalArgumentException e) {
            throw new ImportException(where + f + ": " + e.getMessage());
          }
        }
        if (!reasons.contains(n.get("reasonCode").asString())) {
          throw new ImportException(
              where + "reasonCode: unknown code '" + n.get("reasonCode").asString() + "'");
        }
        time(where, n, "decidedAt");
      }
      case ShareFormat.VIOLATOR -> {
        required(where, n, "sellerId", "decisionRef", "legalBasis", "confirmedBy", "confirmedAt");
        for (String f :
            List.of(
                "confirmedAt",
                "publishedAt",
                "appealFiledAt",
                "appealDecidedAt",
                "removalDueAt",
                "removedAt")) {
          time(where, n, f);
        }
        province(where, n, provinces);
      }
      case ShareFormat.CASE -> {
        required(where, n, "id", "title", "status", "createdBy", "createdAt", "updatedAt");
        if (!Set.of("open", "referred", "closed").contains(n.get("status").asString())) {
          throw new ImportException(
              where
                  + "status: '"
                  + n.get("status").asString()
                  + "' is not open, referred or closed");
        }
        for (String f : List.of("createdAt", "updatedAt", "closedAt")) {
          time(where, n, f);
        }
        province(where, n, provinces);
        for (JsonNode b : n.path("bankAccounts")) {
          required(where + "bankAccounts[]: ", b, "sellerId", "account");
          if (b.get("account").asString().length() > 320
              || b.get("account").asString().replaceAll("[^0-9]", "").length() < 6) {
            throw new ImportException(
                where
                    + "bankAccounts[]: account: not an account number (6 to 320 characters with digits): '"
                    + b.get("account").asString()
                    + "'");
          }
          time(where + "bankAccounts[]: ", b, "firstSeen");
          time(where + "bankAccounts[]: ", b, "lastSeen");
        }
        for (JsonNode a : n.path("actions")) {
          required(
              where + "actions[]: ",
              a,
              "actionKey",
              "kind",
              "target",
              "status",
              "createdBy",
              "createdAt");
          if (!org.markwatch.storage.cases.CaseAction.KINDS.contains(a.get("kind").asString())
              || !org.markwatch.storage.cases.CaseAction.STATUSES.contains(
                  a.get("status").asString())) {
            throw new ImportException(
                where + "actions[" + a.get("actionKey").asString() + "]: unknown kind or status");
          }
        }
      }
      default ->
          throw new ImportException(
              where + "type: '" + type + "' is not violator, case or decision");
    }
  }

  private static void required(String where, JsonNode n, String... fields) {
    for (String f : fields) {
      JsonNode v = n.get(f);
      if (v == null || v.isNull() || !v.isString() || v.asString().isBlank()) {
        throw new ImportException(where + f + ": missing (a non-empty string is required)");
      }
    }
  }

  private static void time(String where, JsonNode n, String field) {
    String v = text(n, field);
    if (v != null) {
      try {
        Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new ImportException(where + field + ": not an ISO-8601 instant: \"" + v + "\"");
      }
    }
  }

  private static void province(String where, JsonNode n, Set<String> provinces) {
    String p = text(n, "provinceCode");
    if (p != null && !provinces.contains(p)) {
      throw new ImportException(where + "provinceCode: unknown province '" + p + "'");
    }
  }

  // ---- merging; each returns 0 added, 1 updated, 2 unchanged

  private static int decision(Connection c, JsonNode n, String origin, long seq)
      throws SQLException {
    if (Decisions.findByKey(c, n.get("decisionKey").asString()).isPresent()) {
      return 2;
    }
    List<String> refs = new ArrayList<>();
    n.path("evidenceRefs").forEach(r -> refs.add(r.asString()));
    long id =
        Decisions.insert(
            c,
            new Decision(
                0,
                n.get("decisionKey").asString(),
                n.get("listingId").asString(),
                ReviewState.parse(n.get("from").asString()),
                ReviewState.parse(n.get("to").asString()),
                n.get("reasonCode").asString(),
                text(n, "note"),
                refs,
                n.get("decidedBy").asString(),
                Instant.parse(n.get("decidedAt").asString()),
                text(n, "rulesetVersion"),
                n.path("score").isNumber() ? n.get("score").asDouble() : null,
                origin));
    Decisions.setAuditSeq(c, id, seq);
    return 0;
  }

  private static int violator(Connection c, JsonNode n, String origin, long seq)
      throws SQLException {
    String seller = n.get("sellerId").asString();
    String ref = n.get("decisionRef").asString();
    Object[] values = {
      n.get("legalBasis").asString(),
      text(n, "caseId"),
      text(n, "sellerName"),
      text(n, "provinceCode"),
      n.get("confirmedBy").asString(),
      instant(n, "confirmedAt"),
      n.path("published").asBoolean(false),
      instant(n, "publishedAt"),
      instant(n, "appealFiledAt"),
      instant(n, "appealDecidedAt"),
      instant(n, "removalDueAt"),
      instant(n, "removedAt")
    };
    String cols =
        "legal_basis, case_id, seller_name, province_code, confirmed_by, confirmed_at, published,"
            + " published_at, appeal_filed_at, appeal_decided_at, removal_due_at, removed_at";
    Object[] current = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + cols + " FROM violators WHERE seller_id = ? AND decision_ref = ?")) {
      ps.setString(1, seller);
      ps.setString(2, ref);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          current = new Object[values.length];
          for (int i = 0; i < values.length; i++) {
            current[i] =
                i == 6
                    ? (Object) rs.getBoolean(i + 1)
                    : values[i] instanceof Instant || i == 5 || i >= 7
                        ? Transactions.instant(rs, i + 1)
                        : rs.getString(i + 1);
          }
        }
      }
    }
    if (current != null && java.util.Arrays.equals(current, values)) {
      return 2;
    }
    String sql =
        current == null
            ? "INSERT INTO violators ("
                + cols
                + ", origin, audit_seq, seller_id, decision_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            : "UPDATE violators SET legal_basis = ?, case_id = ?, seller_name = ?, province_code = ?, confirmed_by = ?,"
                + " confirmed_at = ?, published = ?, published_at = ?, appeal_filed_at = ?, appeal_decided_at = ?,"
                + " removal_due_at = ?, removed_at = ?, origin = ?, audit_seq = ? WHERE seller_id = ? AND decision_ref = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Object v : values) {
        set(ps, i++, v);
      }
      ps.setString(i++, origin);
      ps.setLong(i++, seq);
      ps.setString(i++, seller);
      ps.setString(i, ref);
      ps.executeUpdate();
    }
    return current == null ? 0 : 1;
  }

  private static int caseRecord(Connection c, JsonNode n, String origin, long seq)
      throws SQLException {
    String id = n.get("id").asString();
    Instant updated = Instant.parse(n.get("updatedAt").asString());
    Instant localUpdated = null;
    boolean exists = false;
    try (PreparedStatement ps = c.prepareStatement("SELECT updated_at FROM cases WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          exists = true;
          localUpdated = Transactions.instant(rs, 1);
        }
      }
    }
    boolean changed = false;
    if (!exists || updated.isAfter(localUpdated)) {
      String sql =
          exists
              ? "UPDATE cases SET title = ?, status = ?, province_code = ?, agency_code = ?, summary = ?, created_by = ?,"
                  + " created_at = ?, updated_at = ?, closed_at = ?, origin = ?, audit_seq = ? WHERE id = ?"
              : "INSERT INTO cases (title, status, province_code, agency_code, summary, created_by, created_at, updated_at,"
                  + " closed_at, origin, audit_seq, id) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)";
      try (PreparedStatement ps =
          c.prepareStatement(exists ? sql.replace("agency_code = ?, ", "") : sql)) {
        int i = 1;
        ps.setString(i++, n.get("title").asString());
        ps.setString(i++, n.get("status").asString());
        ps.setString(i++, text(n, "provinceCode"));
        // agency codes are local to each database; the sending agency is the origin
        ps.setString(i++, text(n, "summary"));
        ps.setString(i++, n.get("createdBy").asString());
        set(ps, i++, instant(n, "createdAt"));
        set(ps, i++, updated);
        set(ps, i++, instant(n, "closedAt"));
        ps.setString(i++, origin);
        ps.setLong(i++, seq);
        ps.setString(i, id);
        ps.executeUpdate();
      }
      changed = true;
    }
    Instant added = Instant.parse(n.get("updatedAt").asString());
    for (JsonNode l : n.path("listingIds")) {
      changed |=
          link(
              c,
              "case_listings",
              "listing_id",
              id,
              l.asString(),
              n.get("createdBy").asString(),
              added);
    }
    for (JsonNode s : n.path("sellerIds")) {
      changed |=
          link(
              c,
              "case_sellers",
              "seller_id",
              id,
              s.asString(),
              n.get("createdBy").asString(),
              added);
    }
    for (JsonNode a : n.path("actions")) {
      changed |= action(c, id, a);
    }
    for (JsonNode b : n.path("bankAccounts")) {
      bankAccount(c, b, updated); // contact points of a seller, not the case's own state
    }
    if (changed && exists) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE cases SET audit_seq = ? WHERE id = ?")) {
        ps.setLong(1, seq);
        ps.setString(2, id);
        ps.executeUpdate();
      }
    }
    return !exists ? 0 : changed ? 1 : 2;
  }

  private static boolean link(
      Connection c, String table, String column, String caseId, String value, String by, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM " + table + " WHERE case_id = ? AND " + column + " = ?")) {
      ps.setString(1, caseId);
      ps.setString(2, value);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (case_id, "
                + column
                + ", added_by, added_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, caseId);
      ps.setString(2, value);
      ps.setString(3, by);
      set(ps, 4, at);
      ps.executeUpdate();
    }
    return true;
  }

  /** A bank account of a case's seller joins that seller's contact points (seller_contacts). */
  private static void bankAccount(Connection c, JsonNode b, Instant caseUpdated)
      throws SQLException {
    String account = b.get("account").asString().strip();
    String key = account.replaceAll("[^0-9]", "");
    Instant first = instant(b, "firstSeen");
    Instant last = instant(b, "lastSeen");
    Instant seen = first != null ? first : last != null ? last : caseUpdated;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM seller_contacts WHERE seller_id = ? AND kind = 'bank_account' AND value_key = ?")) {
      ps.setString(1, b.get("sellerId").asString());
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO seller_contacts (seller_id, kind, value_key, match_kind, shown, listing_id,"
                + " first_seen, last_seen) VALUES (?, 'bank_account', ?, 'bank_account', ?, ?, ?, ?)")) {
      ps.setString(1, b.get("sellerId").asString());
      ps.setString(2, key);
      ps.setString(3, account.length() > 320 ? account.substring(0, 320) : account);
      ps.setString(4, text(b, "listingId"));
      set(ps, 5, seen);
      set(ps, 6, last != null ? last : seen);
      ps.executeUpdate();
    }
  }

  private static boolean action(Connection c, String caseId, JsonNode a) throws SQLException {
    String key = a.get("actionKey").asString();
    String status = a.get("status").asString();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT status, closed_at FROM case_actions WHERE action_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          Instant closed = instant(a, "closedAt");
          if (status.equals(rs.getString(1))
              && java.util.Objects.equals(closed, Transactions.instant(rs, 2))) {
            return false;
          }
          try (PreparedStatement up =
              c.prepareStatement(
                  "UPDATE case_actions SET status = ?, closed_at = ? WHERE action_key = ?")) {
            up.setString(1, status);
            set(up, 2, closed);
            up.setString(3, key);
            up.executeUpdate();
          }
          return true;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO case_actions (action_key, case_id, kind, target, status,"
                + " reference_no, amount_vnd, note, created_by, created_at, sent_at, due_at, closed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, key);
      ps.setString(2, caseId);
      ps.setString(3, a.get("kind").asString());
      ps.setString(4, a.get("target").asString());
      ps.setString(5, status);
      ps.setString(6, text(a, "referenceNo"));
      ps.setBigDecimal(
          7,
          a.path("amountVnd").isNumber() ? a.get("amountVnd").decimalValue() : (BigDecimal) null);
      ps.setString(8, text(a, "note"));
      ps.setString(9, a.get("createdBy").asString());
      set(ps, 10, instant(a, "createdAt"));
      set(ps, 11, instant(a, "sentAt"));
      set(ps, 12, instant(a, "dueAt"));
      set(ps, 13, instant(a, "closedAt"));
      ps.executeUpdate();
    }
    return true;
  }

  // ---- small helpers

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static Instant instant(JsonNode n, String field) {
    String v = text(n, field);
    return v == null ? null : Instant.parse(v).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private static void set(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setObject(i, null); // untyped NULL: each database takes the column's type
    } else if (v instanceof Instant t) {
      ps.setObject(i, Transactions.at(t));
    } else if (v instanceof Boolean b) {
      ps.setBoolean(i, b);
    } else {
      ps.setString(i, v.toString());
    }
  }

  private static Set<String> column(Connection c, String sql) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
