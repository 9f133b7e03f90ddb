package org.markwatch.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Registers and publishes rulesets. The current verdict of a listing is the one of the newest
 * published ruleset (highest {@code publish_seq}); publishing a ruleset (again) makes it the
 * newest, so the next scoring with it replaces every current verdict it reaches.
 */
public final class RulesetStore {
  private static final int MAX_ATTEMPTS = 5;

  private final DataSource dataSource;
  private final Clock clock;

  public RulesetStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public RulesetStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Registers a draft ruleset (no current verdicts come from it); no change if it exists. */
  public Ruleset registerDraft(String version, String author, String note) {
    return withRetry(
        version,
        c -> {
          if (find(c, version).isEmpty()) {
            insert(c, version, author, note, Ruleset.Status.DRAFT, null);
          }
          return find(c, version).orElseThrow();
        });
  }

  /**
   * Publishes a ruleset (registering it if unknown): it becomes the newest published one, even if
   * it was published before (a rollback to an older ruleset).
   */
  public Ruleset publish(String version, String author, String note) {
    return withRetry(
        version,
        c -> {
          long seq = nextSeq(c);
          if (find(c, version).isEmpty()) {
            insert(c, version, author, note, Ruleset.Status.PUBLISHED, seq);
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE rulesets SET status = 'published', published_at = ?, publish_seq = ? WHERE version = ?")) {
              ps.setObject(1, now());
              ps.setLong(2, seq);
              ps.setString(3, version);
              ps.executeUpdate();
            }
          }
          return find(c, version).orElseThrow();
        });
  }

  /**
   * The publish sequence of a ruleset the pipeline scores with; an unknown version is published now
   * (what the pipeline runs is in force), a draft stays a draft (empty result).
   */
  public Optional<Long> ensurePublished(String version, String author) {
    Ruleset r =
        withRetry(
            version,
            c -> {
              Optional<Ruleset> found = find(c, version);
              if (found.isPresent()) {
                return found.get();
              }
              insert(
                  c,
                  version,
                  author,
                  "first scored with by " + author,
                  Ruleset.Status.PUBLISHED,
                  nextSeq(c));
              return find(c, version).orElseThrow();
            });
    return Optional.ofNullable(r.publishSeq());
  }

  public Optional<Ruleset> find(String version) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, version);
    } catch (SQLException e) {
      throw new StorageException(
          "cannot read ruleset " + version + ": " + ListingStore.describe(e), e);
    }
  }

  /** Every ruleset, newest publication first, drafts last (newest first). */
  public List<Ruleset> list() {
    String sql = SELECT + " ORDER BY publish_seq DESC NULLS LAST, created_at DESC, version";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Ruleset> out = new ArrayList<>();
      while (rs.next()) {
        out.add(read(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new StorageException("cannot list rulesets: " + ListingStore.describe(e), e);
    }
  }

  /** The newest published ruleset, if any. */
  public Optional<Ruleset> current() {
    return list().stream().filter(r -> r.publishSeq() != null).findFirst();
  }

  private static final String SELECT =
      "SELECT version, author, created_at, status, published_at, publish_seq, note FROM rulesets";

  static Optional<Ruleset> find(Connection c, String version) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE version = ?")) {
      ps.setString(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static Ruleset read(ResultSet rs) throws SQLException {
    OffsetDateTime published = rs.getObject(5, OffsetDateTime.class);
    long seq = rs.getLong(6);
    // read wasNull right after the column: later getters overwrite it (a draft read as seq 0)
    Long publishSeq = rs.wasNull() ? null : seq;
    return new Ruleset(
        rs.getString(1),
        rs.getString(2),
        rs.getObject(3, OffsetDateTime.class).toInstant(),
        Ruleset.Status.of(rs.getString(4)),
        published == null ? null : published.toInstant(),
        publishSeq,
        rs.getString(7));
  }

  private static long nextSeq(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT COALESCE(MAX(publish_seq), 0) + 1 FROM rulesets");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void insert(
      Connection c, String version, String author, String note, Ruleset.Status status, Long seq)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO rulesets"
                + " (version, author, created_at, status, published_at, publish_seq, note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      OffsetDateTime now = now();
      ps.setString(1, version);
      ps.setString(2, author);
      ps.setObject(3, now);
      ps.setString(4, status.sql());
      if (seq == null) {
        ps.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setNull(6, Types.BIGINT);
      } else {
        ps.setObject(5, now);
        ps.setLong(6, seq);
      }
      ps.setString(7, note);
      ps.executeUpdate();
    }
  }

  private OffsetDateTime now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  /**
   * One transaction; two writers registering or publishing at once collide on the version key or
   * the unique publish_seq (SQLState 23505) and the loser tries again, seeing the winner's row.
   */
  private <T> T withRetry(String version, Transactions.Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Transactions.run(dataSource, "register ruleset " + version, work);
      } catch (StorageException e) {
        String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
        boolean transientFailure =
            state != null && (state.equals("23505") || state.startsWith("40"));
        if (!transientFailure || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
