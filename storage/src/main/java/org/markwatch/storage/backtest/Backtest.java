package org.markwatch.storage.backtest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.RulesetStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.Transactions;

/**
 * Scores the stored listings observed since a date with a candidate ruleset, in batch, and keeps
 * the candidate's verdicts in {@code backtest_verdicts} (never in {@code verdicts}): the current
 * verdicts stay what they are until the candidate is published. The scorer is the detectors' {@code
 * scoreAll} (storage does not know the detectors), so a backtest scores exactly as the pipeline
 * does. Listings are read in pages by id (keyset), so a run over a million listings holds one page
 * in memory and no cursor across its writes.
 */
public final class Backtest {
  /** Scores a batch of listings, in order: the detectors' {@code scoreAll}. */
  @FunctionalInterface
  public interface Scorer {
    List<Scored> scoreAll(List<Listing> listings);
  }

  static final int PAGE = 2048;

  private final DataSource dataSource;
  private final Clock clock;

  public Backtest(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public Backtest(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Registers a run (status running) and returns it; {@link #execute} then scores it. */
  public BacktestRun start(String candidateVersion, Instant since, String startedBy) {
    String id = UUID.randomUUID().toString();
    String baseline = new RulesetStore(dataSource).current().map(r -> r.version()).orElse(null);
    Instant now = clock.instant();
    Transactions.run(
        dataSource,
        "start backtest of " + candidateVersion,
        c -> {
          long total;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM listings WHERE observed_at >= ?")) {
            ps.setObject(1, Transactions.at(since));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO backtest_runs (id, candidate_version, baseline_version, since,"
                      + " started_at, status, listings_total, listings_done, started_by)"
                      + " VALUES (?, ?, ?, ?, ?, 'running', ?, 0, ?)")) {
            ps.setString(1, id);
            ps.setString(2, candidateVersion);
            ps.setString(3, baseline);
            ps.setObject(4, Transactions.at(since));
            ps.setObject(5, Transactions.at(now));
            ps.setLong(6, total);
            ps.setString(7, startedBy);
            ps.executeUpdate();
          }
          return null;
        });
    return find(id).orElseThrow();
  }

  /**
   * Scores every listing of the run's window with {@code scorer}, page by page, reporting the
   * number done to {@code progress}; marks the run finished (or failed, with the reason, and
   * rethrows).
   */
  public BacktestRun execute(String runId, Scorer scorer, LongConsumer progress) {
    BacktestRun run = find(runId).orElseThrow(() -> new StorageException("no backtest " + runId));
    try {
      String after = "";
      long done = 0;
      while (true) {
        List<Listing> page = page(run.since(), after);
        if (page.isEmpty()) {
          break;
        }
        List<Scored> scored = scorer.scoreAll(page);
        write(runId, scored, done + page.size());
        done += page.size();
        progress.accept(page.size());
        after = page.get(page.size() - 1).id();
      }
      finish(runId, "finished", null);
    } catch (RuntimeException e) {
      finish(runId, "failed", String.valueOf(e.getMessage()));
      throw e;
    }
    return find(runId).orElseThrow();
  }

  /** {@link #start} then {@link #execute}, for a caller that waits (the command line). */
  public BacktestRun run(
      String candidateVersion, Instant since, String startedBy, Scorer scorer, LongConsumer p) {
    return execute(start(candidateVersion, since, startedBy).id(), scorer, p);
  }

  /**
   * Scores the stored listings observed since {@code since} with a published ruleset and stores the
   * verdicts through {@link ListingStore#saveAll} (the pipeline's writer): the current verdicts
   * follow the newest publication, so a publication or rollback takes effect on stored listings
   * without waiting for them to be crawled again.
   *
   * @return listings whose current verdict changed
   */
  public long applyToStored(Instant since, Scorer scorer, LongConsumer progress) {
    ListingStore store = new ListingStore(dataSource);
    String after = "";
    long changed = 0;
    while (true) {
      List<Listing> page = page(since, after);
      if (page.isEmpty()) {
        return changed;
      }
      List<Scored> scored = scorer.scoreAll(page);
      List<ScoredListing> records = new ArrayList<>(page.size());
      for (int i = 0; i < page.size(); i++) {
        records.add(new ScoredListing(page.get(i), scored.get(i)));
      }
      changed += store.saveAll(records).currentVerdicts();
      progress.accept(page.size());
      after = page.get(page.size() - 1).id();
    }
  }

  /**
   * Listings after {@code afterId} (id order) observed since {@code since}: the stored record
   * decoded; a stored record that no longer decodes is skipped (it was valid when stored).
   */
  private List<Listing> page(Instant since, String afterId) {
    return Transactions.run(
        dataSource,
        "read listings for a backtest",
        c -> {
          List<Listing> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, listing_json FROM listings WHERE observed_at >= ? AND id > ?"
                      + " ORDER BY id FETCH FIRST "
                      + PAGE
                      + " ROWS ONLY")) {
            ps.setObject(1, Transactions.at(since));
            ps.setString(2, afterId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                var decoded = JsonCodec.decodeListing(rs.getString(2));
                if (decoded.ok()) {
                  out.add(decoded.value());
                }
              }
            }
          }
          return out;
        });
  }

  private void write(String runId, List<Scored> scored, long doneAfter) {
    Transactions.run(
        dataSource,
        "store backtest verdicts",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO backtest_verdicts (run_id, listing_id, score, flagged, violations,"
                      + " rules) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Scored s : scored) {
              ps.setString(1, runId);
              ps.setString(2, s.listingId());
              ps.setDouble(3, s.score());
              ps.setBoolean(4, s.flagged());
              ps.setString(5, clip(String.join(",", s.violations()), 400));
              ps.setString(6, clip(String.join(",", ruleIds(s)), 4000));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE backtest_runs SET listings_done = ? WHERE id = ?")) {
            ps.setLong(1, doneAfter);
            ps.setString(2, runId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The distinct ids of the rules that gave a signal, in signal order. */
  public static List<String> ruleIds(Scored s) {
    Set<String> ids = new LinkedHashSet<>();
    for (Signal sig : s.signals()) {
      if (sig.rule() != null && !sig.rule().isBlank()) {
        ids.add(sig.rule());
      }
    }
    return List.copyOf(ids);
  }

  private void finish(String runId, String status, String note) {
    Transactions.run(
        dataSource,
        "finish backtest " + runId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE backtest_runs SET status = ?, finished_at = ?, note = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setObject(2, Transactions.at(clock.instant()));
            ps.setString(3, note == null ? null : clip(note, 2000));
            ps.setString(4, runId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  public Optional<BacktestRun> find(String id) {
    return Transactions.run(
        dataSource,
        "read backtest " + id,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(BacktestRun.SELECT + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(BacktestRun.read(rs)) : Optional.empty();
            }
          }
        });
  }

  /** The newest runs first. */
  public List<BacktestRun> recent(int limit) {
    return Transactions.run(
        dataSource,
        "list backtests",
        c -> {
          List<BacktestRun> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  BacktestRun.SELECT
                      + " ORDER BY started_at DESC, id FETCH FIRST "
                      + Math.max(1, limit)
                      + " ROWS ONLY")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(BacktestRun.read(rs));
              }
            }
          }
          return out;
        });
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
