package org.markwatch.storage.publicsite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.markwatch.storage.InvalidInputException;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * Consumer warnings as supervisors and operators write them: a draft is saved (and edited), then
 * published on the public site, then withdrawn. Every step is audited in its own transaction with
 * the change. A withdrawn warning stays withdrawn: a new one is written instead, so what the public
 * was shown and when stays in the table.
 */
public final class WarningStore {
  /** At most this many violators named by one warning. */
  public static final int MAX_SELLERS = 50;

  private static final String COLUMNS =
      "id, title, body, product_type, brand, look_for, keywords, created_by, created_at,"
          + " updated_at, published_at, published_by, withdrawn_at, withdrawn_by";

  private final DataSource dataSource;
  private final Clock clock;
  private final AuditLog audit;

  public WarningStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public WarningStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.audit = new AuditLog(clock);
  }

  /**
   * Saves a new draft ({@code id} null) or the edit of a draft or published warning.
   *
   * @return the warning's id
   * @throws InvalidInputException what is missing or too long, a seller that is no confirmed
   *     violator, or a withdrawn warning
   */
  public long save(Long id, WarningDraft draft, String actor) {
    List<InvalidInputException.Problem> problems = new ArrayList<>(shape(draft));
    return Transactions.run(
        dataSource,
        id == null ? "write a warning" : "edit warning " + id,
        c -> {
          for (String seller : draft.sellerIds()) {
            if (!isViolator(c, seller)) {
              problems.add(new InvalidInputException.Problem("sellers", "not_violator", seller));
            }
          }
          if (id != null) {
            String state = state(c, id).orElseThrow(() -> notFound(id));
            if (state.equals("withdrawn")) {
              problems.add(new InvalidInputException.Problem("state", "withdrawn", null));
            }
          }
          if (!problems.isEmpty()) {
            throw new InvalidInputException(describe(problems), problems);
          }
          long warning;
          if (id == null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO consumer_warnings (title, body, product_type, brand, look_for,"
                        + " keywords, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
              bind(ps, draft);
              ps.setString(7, actor);
              ps.setObject(8, Transactions.at(clock.instant()));
              ps.setObject(9, Transactions.at(clock.instant()));
              ps.executeUpdate();
              try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                warning = k.getLong(1);
              }
            }
          } else {
            warning = id;
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE consumer_warnings SET title = ?, body = ?, product_type = ?, brand = ?,"
                        + " look_for = ?, keywords = ?, updated_at = ? WHERE id = ?")) {
              bind(ps, draft);
              ps.setObject(7, Transactions.at(clock.instant()));
              ps.setLong(8, id);
              ps.executeUpdate();
            }
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM consumer_warning_sellers WHERE warning_id = ?")) {
              ps.setLong(1, id);
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO consumer_warning_sellers (warning_id, seller_id) VALUES (?, ?)")) {
            for (String seller : draft.sellerIds()) {
              ps.setLong(1, warning);
              ps.setString(2, seller);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          audit.append(
              c,
              actor,
              AuditAction.WARNING_SAVED,
              "warning:" + warning,
              (id == null ? "written: " : "edited: ")
                  + draft.title().strip()
                  + (draft.sellerIds().isEmpty()
                      ? ""
                      : " (violators " + String.join(" ", draft.sellerIds()) + ")"));
          return warning;
        });
  }

  /** Publishes a draft on the public site. */
  public void publish(long id, String actor) {
    move(id, "draft", "published_at", "published_by", AuditAction.WARNING_PUBLISHED, actor);
  }

  /** Takes a published warning off the public site. */
  public void withdraw(long id, String actor) {
    move(id, "published", "withdrawn_at", "withdrawn_by", AuditAction.WARNING_WITHDRAWN, actor);
  }

  private void move(
      long id, String from, String atColumn, String byColumn, AuditAction action, String actor) {
    Transactions.run(
        dataSource,
        action.sql() + " " + id,
        c -> {
          String state = state(c, id).orElseThrow(() -> notFound(id));
          if (!state.equals(from)) {
            throw new InvalidInputException(
                "warning " + id + " is " + state + ", not " + from, "state", state, null);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE consumer_warnings SET "
                      + atColumn
                      + " = ?, "
                      + byColumn
                      + " = ?, updated_at = ? WHERE id = ?")) {
            ps.setObject(1, Transactions.at(clock.instant()));
            ps.setString(2, actor);
            ps.setObject(3, Transactions.at(clock.instant()));
            ps.setLong(4, id);
            ps.executeUpdate();
          }
          audit.append(c, actor, action, "warning:" + id, title(c, id));
          return null;
        });
  }

  public Optional<StaffWarning> find(long id) {
    return Transactions.run(
        dataSource,
        "read warning " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM consumer_warnings WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(row(rs, sellers(c, List.of(id)).getOrDefault(id, List.of())))
                  : Optional.empty();
            }
          }
        });
  }

  /** Every warning, drafts first, then published, then withdrawn; newest first within each. */
  public List<StaffWarning> list(int limit) {
    return Transactions.run(
        dataSource,
        "list warnings",
        c -> {
          List<StaffWarning> page = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM consumer_warnings ORDER BY CASE WHEN withdrawn_at IS NOT NULL THEN 2"
                      + " WHEN published_at IS NOT NULL THEN 1 ELSE 0 END, updated_at DESC, id DESC"
                      + " LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                page.add(row(rs, List.of()));
              }
            }
          }
          // the named sellers of the whole page in one query, not one per warning
          Map<Long, List<StaffWarning.NamedSeller>> sellers =
              sellers(c, page.stream().map(StaffWarning::id).toList());
          return page.stream()
              .map(w -> withSellers(w, sellers.getOrDefault(w.id(), List.of())))
              .toList();
        });
  }

  private static StaffWarning row(ResultSet rs, List<StaffWarning.NamedSeller> sellers)
      throws SQLException {
    WarningDraft draft =
        new WarningDraft(
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            sellers.stream().map(StaffWarning.NamedSeller::sellerId).toList());
    return new StaffWarning(
        rs.getLong(1),
        stateOf(rs.getObject(11), rs.getObject(13)),
        draft,
        sellers,
        rs.getString(8),
        Transactions.instant(rs, 9),
        Transactions.instant(rs, 10),
        Transactions.instant(rs, 11),
        rs.getString(12),
        Transactions.instant(rs, 13),
        rs.getString(14));
  }

  private static StaffWarning withSellers(StaffWarning w, List<StaffWarning.NamedSeller> sellers) {
    WarningDraft d = w.draft();
    return new StaffWarning(
        w.id(),
        w.state(),
        new WarningDraft(
            d.title(),
            d.body(),
            d.productType(),
            d.brand(),
            d.lookFor(),
            d.keywords(),
            sellers.stream().map(StaffWarning.NamedSeller::sellerId).toList()),
        sellers,
        w.createdBy(),
        w.createdAt(),
        w.updatedAt(),
        w.publishedAt(),
        w.publishedBy(),
        w.withdrawnAt(),
        w.withdrawnBy());
  }

  /** The sellers each of these warnings (at most a page) names, by seller id. */
  private static Map<Long, List<StaffWarning.NamedSeller>> sellers(Connection c, List<Long> ids)
      throws SQLException {
    Map<Long, List<StaffWarning.NamedSeller>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT w.seller_id, MAX(COALESCE(s.name, v.seller_name)),"
                + " MAX(CASE WHEN v.published = TRUE AND v.removed_at IS NULL THEN 1 ELSE 0 END),"
                + " w.warning_id"
                + " FROM consumer_warning_sellers w LEFT JOIN violators v ON v.seller_id = w.seller_id"
                + " LEFT JOIN sellers s ON s.id = w.seller_id WHERE w.warning_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ") GROUP BY w.warning_id, w.seller_id ORDER BY w.warning_id, w.seller_id")) {
      int i = 1;
      for (long id : ids) {
        ps.setLong(i++, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(4), k -> new ArrayList<>())
              .add(
                  new StaffWarning.NamedSeller(
                      rs.getString(1), rs.getString(2), rs.getInt(3) == 1));
        }
      }
    }
    return out;
  }

  /** A warning's state from its publication and withdrawal times (null when not yet). */
  private static String stateOf(Object publishedAt, Object withdrawnAt) {
    return withdrawnAt != null ? "withdrawn" : publishedAt != null ? "published" : "draft";
  }

  /** The checks that need no database: required fields and the columns' lengths. */
  static List<InvalidInputException.Problem> shape(WarningDraft d) {
    List<InvalidInputException.Problem> out = new ArrayList<>();
    required(out, "title", d.title(), 300);
    required(out, "body", d.body(), 8000);
    optional(out, "productType", d.productType(), 200);
    optional(out, "brand", d.brand(), 200);
    optional(out, "lookFor", d.lookFor(), 4000);
    optional(out, "keywords", d.keywords(), 1000);
    if (d.sellerIds().size() > MAX_SELLERS) {
      out.add(
          new InvalidInputException.Problem("sellers", "too_many", Integer.toString(MAX_SELLERS)));
    }
    for (String s : d.sellerIds()) {
      if (s.length() > 512) {
        out.add(new InvalidInputException.Problem("sellers", "too_long", "512"));
      }
    }
    return out;
  }

  private static void required(
      List<InvalidInputException.Problem> out, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      out.add(new InvalidInputException.Problem(field, "missing", null));
    } else {
      optional(out, field, value, max);
    }
  }

  private static void optional(
      List<InvalidInputException.Problem> out, String field, String value, int max) {
    if (value != null && value.strip().length() > max) {
      out.add(new InvalidInputException.Problem(field, "too_long", Integer.toString(max)));
    }
  }

  private static String describe(List<InvalidInputException.Problem> problems) {
    StringBuilder b = new StringBuilder("warning refused:");
    for (InvalidInputException.Problem p : problems) {
      b.append(' ').append(p.field()).append(' ').append(p.code());
      if (p.value() != null) {
        b.append(" (").append(p.value()).append(')');
      }
      b.append(';');
    }
    return b.substring(0, b.length() - 1);
  }

  private static void bind(PreparedStatement ps, WarningDraft d) throws SQLException {
    ps.setString(1, d.title().strip());
    ps.setString(2, d.body().strip());
    ps.setString(3, blankToNull(d.productType()));
    ps.setString(4, blankToNull(d.brand()));
    ps.setString(5, blankToNull(d.lookFor()));
    ps.setString(6, blankToNull(d.keywords()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static boolean isViolator(Connection c, String sellerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM violators WHERE seller_id = ? FETCH FIRST 1 ROWS ONLY")) {
      ps.setString(1, sellerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Optional<String> state(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT published_at, withdrawn_at FROM consumer_warnings WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(stateOf(rs.getObject(1), rs.getObject(2)));
      }
    }
  }

  private static String title(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT title FROM consumer_warnings WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static InvalidInputException notFound(long id) {
    return new InvalidInputException("no warning " + id, "id", "not_found", Long.toString(id));
  }
}
