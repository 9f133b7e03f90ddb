package org.markwatch.storage.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.markwatch.storage.ServiceLevels;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.Transactions;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.jurisdiction.OutOfJurisdictionException;

/**
 * The analysts' actions on a listing's review: assign, start, decide, read its decisions. Every
 * action checks the actor's {@link Jurisdiction} first (a provincial user acts only on listings
 * whose seller is in their province, or that are assigned to them), runs in one transaction with
 * the review row locked, and writes its audit row in that transaction.
 */
public final class ReviewStore {
  private final DataSource dataSource;
  private final AuditLog audit;
  private final Clock clock;

  public ReviewStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public ReviewStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.audit = new AuditLog(clock);
  }

  /** The review of a listing (a listing never flagged has none). */
  public Optional<Review> find(Jurisdiction who, String listingId) {
    return Transactions.run(
        dataSource,
        "read the review of " + listingId,
        c -> {
          checkJurisdiction(c, who, listingId, assigneeOf(c, listingId));
          return read(c, listingId, false);
        });
  }

  /** Assigns a listing to {@code assignee} (null: unassigns). Audited as an assignment. */
  public Review assign(Jurisdiction who, String listingId, String assignee) {
    return Transactions.run(
        dataSource,
        "assign " + listingId,
        c -> {
          Review r = lockOrCreate(c, who, listingId);
          if (assignee != null) {
            requireActiveUser(c, assignee);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE reviews SET assignee = ?, assigned_at = ?,"
                      + " row_version = row_version + 1 WHERE listing_id = ?")) {
            ps.setString(1, assignee);
            if (assignee == null) {
              ps.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
              ps.setObject(2, Transactions.at(clock.instant()));
            }
            ps.setString(3, listingId);
            ps.executeUpdate();
          }
          audit.append(
              c,
              who.username(),
              AuditAction.ASSIGNMENT,
              listingId,
              (r.assignee() == null ? "-" : r.assignee())
                  + " -> "
                  + (assignee == null ? "-" : assignee));
          return read(c, listingId, false).orElseThrow();
        });
  }

  /** "Assign to me". */
  public Review claim(Jurisdiction who, String listingId) {
    return assign(who, listingId, who.username());
  }

  /**
   * Opens the review: new (or dismissed, escalated) → in_review; assigns it to the actor if
   * unassigned.
   */
  public Review start(Jurisdiction who, String listingId) {
    return Transactions.run(
        dataSource,
        "start reviewing " + listingId,
        c -> {
          Review r = lockOrCreate(c, who, listingId);
          if (r.state() == ReviewState.IN_REVIEW) {
            return r;
          }
          requireTransition(r, ReviewState.IN_REVIEW);
          Instant now = clock.instant();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE reviews SET state = 'in_review',"
                      + " review_started_at = COALESCE(review_started_at, ?), assignee = COALESCE(assignee, ?),"
                      + " assigned_at = COALESCE(assigned_at, ?), due_at = ?, row_version = row_version + 1"
                      + " WHERE listing_id = ?")) {
            ps.setObject(1, Transactions.at(now));
            ps.setString(2, who.username());
            ps.setObject(3, Transactions.at(now));
            ps.setObject(4, ServiceLevels.dueAt("in_review", null, Transactions.at(now)));
            ps.setString(5, listingId);
            ps.executeUpdate();
          }
          if (r.assignee() == null) {
            audit.append(
                c,
                who.username(),
                AuditAction.ASSIGNMENT,
                listingId,
                "- -> " + who.username() + " (started)");
          }
          return read(c, listingId, false).orElseThrow();
        });
  }

  /**
   * Records a decision and moves the review to its state, with an audit row, in one transaction.
   *
   * @throws OutOfJurisdictionException the listing is outside the actor's province and not assigned
   *     to them
   * @throws StaleReviewException the review changed since {@code expectedVersion}
   * @throws IllegalArgumentException the move is not allowed from the current state, or the reason
   *     code is unknown or belongs to another outcome
   */
  public Decision decide(Jurisdiction who, DecisionRequest request) {
    return Transactions.run(
        dataSource, "decide on " + request.listingId(), c -> decide(c, who, request));
  }

  /**
   * The same decision on many listings, each in its own transaction: one refused listing (out of
   * jurisdiction, wrong state) does not stop the others.
   *
   * @return per listing id, the decision or the reason it was refused
   */
  public Map<String, BulkOutcome> decideAll(
      Jurisdiction who, List<String> listingIds, ReviewState to, String reasonCode, String note) {
    Map<String, BulkOutcome> out = new LinkedHashMap<>();
    for (String id : listingIds) {
      try {
        out.put(
            id,
            new BulkOutcome(
                decide(who, new DecisionRequest(id, to, reasonCode, note, List.of(), null)), null));
      } catch (OutOfJurisdictionException | StaleReviewException | IllegalArgumentException e) {
        out.put(id, new BulkOutcome(null, e.getMessage()));
      }
    }
    return out;
  }

  /** One listing's result in {@link #decideAll}: a decision, or the refusal's reason. */
  public record BulkOutcome(Decision decision, String refused) {
    public boolean ok() {
      return decision != null;
    }
  }

  /** A listing's decisions, oldest first. */
  public List<Decision> decisions(Jurisdiction who, String listingId) {
    return Transactions.run(
        dataSource,
        "read the decisions on " + listingId,
        c -> {
          checkJurisdiction(c, who, listingId, assigneeOf(c, listingId));
          return Decisions.forListing(c, listingId);
        });
  }

  private Decision decide(Connection c, Jurisdiction who, DecisionRequest req) throws SQLException {
    Review r = lockOrCreate(c, who, req.listingId());
    if (req.expectedVersion() != null && req.expectedVersion() != r.rowVersion()) {
      throw new StaleReviewException(
          "listing "
              + req.listingId()
              + " changed since you opened it (now "
              + r.state().sql()
              + (r.assignee() == null ? "" : ", assigned to " + r.assignee())
              + "): reload and decide again");
    }
    requireTransition(r, req.to());
    ReasonCode reason =
        ReasonCodes.find(c, req.reasonCode())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown reason code '"
                            + req.reasonCode()
                            + "' (see the reason codes list)"));
    if (reason.outcome() != req.to()) {
      throw new IllegalArgumentException(
          "reason code '"
              + reason.code()
              + "' is for "
              + reason.outcome().sql()
              + ", not "
              + req.to().sql());
    }
    Instant now = clock.instant();
    String[] verdict = currentVerdict(c, req.listingId());
    String key = UUID.randomUUID().toString();
    long id =
        Decisions.insert(
            c,
            new Decision(
                0,
                key,
                req.listingId(),
                r.state(),
                req.to(),
                reason.code(),
                req.note(),
                req.evidenceRefs(),
                who.username(),
                now,
                verdict[0],
                verdict[1] == null ? null : Double.valueOf(verdict[1]),
                "local"));
    String stamp =
        switch (req.to()) {
          case ACTIONED -> "actioned_at = ?";
          default -> "decided_at = ?";
        };
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE reviews SET state = ?, "
                + stamp
                + ", review_started_at = COALESCE(review_started_at, ?), last_decision_id = ?,"
                + " due_at = ?, row_version = row_version + 1 WHERE listing_id = ?")) {
      ps.setString(1, req.to().sql());
      ps.setObject(2, Transactions.at(now));
      ps.setObject(3, Transactions.at(now));
      ps.setLong(4, id);
      // the service-level clock of the new state (none once dismissed or actioned)
      ps.setObject(5, ServiceLevels.dueAt(req.to().sql(), null, Transactions.at(now)));
      ps.setString(6, req.listingId());
      ps.executeUpdate();
    }
    long seq =
        audit.append(
            c,
            who.username(),
            AuditAction.DECISION,
            req.listingId(),
            r.state().sql()
                + " -> "
                + req.to().sql()
                + " reason="
                + reason.code()
                + " decision="
                + key
                + (req.evidenceRefs().isEmpty()
                    ? ""
                    : " evidence=" + String.join(" ", req.evidenceRefs())));
    Decisions.setAuditSeq(c, id, seq);
    return Decisions.find(c, id).orElseThrow();
  }

  // ---- helpers

  private static void requireTransition(Review r, ReviewState to) {
    if (!r.state().next().contains(to)) {
      throw new IllegalArgumentException(
          "listing "
              + r.listingId()
              + " is "
              + r.state().sql()
              + ": it cannot become "
              + to.sql()
              + " (allowed: "
              + r.state().next().stream().map(ReviewState::sql).toList()
              + ")");
    }
  }

  /**
   * Locks the listing's review row (creating it as new if the listing was never queued, e.g. found
   * by search), after checking the actor may act on it.
   */
  private Review lockOrCreate(Connection c, Jurisdiction who, String listingId)
      throws SQLException {
    Optional<Review> r = read(c, listingId, true);
    checkJurisdiction(c, who, listingId, r.map(Review::assignee).orElse(null));
    if (r.isPresent()) {
      return r.get();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO reviews (listing_id, state, queued_at, due_at) VALUES (?, 'new', ?, ?)")) {
      ps.setString(1, listingId);
      ps.setObject(2, Transactions.at(clock.instant()));
      ps.setObject(3, ServiceLevels.dueAt("new", null, Transactions.at(clock.instant())));
      ps.executeUpdate();
    }
    return read(c, listingId, true).orElseThrow();
  }

  private static String assigneeOf(Connection c, String listingId) throws SQLException {
    return read(c, listingId, false).map(Review::assignee).orElse(null);
  }

  /** Throws unless the listing exists and the actor may act on it. */
  static void checkJurisdiction(Connection c, Jurisdiction who, String listingId, String assignee)
      throws SQLException {
    String sql =
        "SELECT s.province_code FROM listings l LEFT JOIN sellers s ON s.id = l.seller_id WHERE l.id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no listing '" + listingId + "'");
        }
        if (!who.permits(rs.getString(1), assignee)) {
          throw new OutOfJurisdictionException(
              "listing "
                  + listingId
                  + " is outside the jurisdiction of "
                  + who.username()
                  + " (province "
                  + who.provinceCode()
                  + ") and not assigned to them");
        }
      }
    }
  }

  private static void requireActiveUser(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT disabled FROM users WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no user '" + username + "'");
        }
        if (rs.getBoolean(1)) {
          throw new IllegalArgumentException("user '" + username + "' is disabled");
        }
      }
    }
  }

  private static String[] currentVerdict(Connection c, String listingId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT ruleset_version, score FROM verdicts WHERE listing_id = ?")) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new String[] {rs.getString(1), Double.toString(rs.getDouble(2))}
            : new String[2];
      }
    }
  }

  static Optional<Review> read(Connection c, String listingId, boolean forUpdate)
      throws SQLException {
    String sql =
        "SELECT listing_id, state, assignee, assigned_at, queued_at, due_at, review_started_at, decided_at,"
            + " actioned_at, row_version FROM reviews WHERE listing_id = ?"
            + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, listingId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Review(
                rs.getString(1),
                ReviewState.parse(rs.getString(2)),
                rs.getString(3),
                Transactions.instant(rs, 4),
                Transactions.instant(rs, 5),
                Transactions.instant(rs, 6),
                Transactions.instant(rs, 7),
                Transactions.instant(rs, 8),
                Transactions.instant(rs, 9),
                rs.getLong(10)));
      }
    }
  }

  static List<String> splitLines(String s) {
    return s == null || s.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(s.split("\n")));
  }

  static StorageException wrap(String what, SQLException e) {
    return new StorageException("cannot " + what + ": " + e.getMessage(), e);
  }
}
