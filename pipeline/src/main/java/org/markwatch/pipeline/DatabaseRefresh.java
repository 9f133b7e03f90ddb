package org.markwatch.pipeline;

import java.util.Optional;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.RulesetFileStore;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.networks.RepeatOffenders;
import org.markwatch.storage.networks.SellerNetworkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the running job follows in the database, once per tick of its source ({@link
 * org.apache.flink.connector.datagen.source.DataGeneratorSource} at one tick per refresh interval):
 * the newest published ruleset when it has stored files ({@code markwatch rules publish}), the
 * confirmed violators, and the catalog facts (observed prices, authorised sellers: {@link
 * CatalogFactsReader}). Only what changed since the last snapshot is sent (after a restart
 * everything is sent once again). A database that cannot be read gives an empty snapshot and a log
 * line: the job keeps scoring with what it has.
 */
final class DatabaseRefresh implements GeneratorFunction<Long, DatabaseSnapshot> {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseRefresh.class);

  /** Networks are recounted every this many ms (their counts follow listings and decisions). */
  static final long NETWORK_RECOUNT_MILLIS = 60_000;

  private final DatabaseSettings settings;
  private final long intervalMillis;
  private transient Database db;
  private transient String lastVersion;
  private transient String lastOffenders;
  private transient String lastFacts;
  private transient String lastProblem;

  DatabaseRefresh(DatabaseSettings settings, long intervalMillis) {
    this.settings = settings;
    this.intervalMillis = intervalMillis;
  }

  @Override
  public void open(SourceReaderContext context) {
    db = Database.openWithoutMigrating(settings.withMaxConnections(1));
  }

  @Override
  public DatabaseSnapshot map(Long tick) throws Exception {
    try {
      String version = null;
      String files = null;
      Optional<RulesetFileStore.Published> p =
          new RulesetFileStore(db.dataSource()).newestPublished();
      if (p.isPresent() && p.get().hasFiles() && !p.get().version().equals(lastVersion)) {
        version = p.get().version();
        files = JsonCodec.mapper().writeValueAsString(p.get().files());
        lastVersion = version;
      }
      String offenders =
          JsonCodec.mapper().writeValueAsString(new RepeatOffenders(db.dataSource()).load());
      if (offenders.equals(lastOffenders)) {
        offenders = null;
      } else {
        lastOffenders = offenders;
      }
      String facts = CatalogFactsReader.readJson(db.dataSource());
      if (facts.equals(lastFacts)) {
        facts = null;
      } else {
        lastFacts = facts;
      }
      long every = Math.max(1, NETWORK_RECOUNT_MILLIS / Math.max(1, intervalMillis));
      if (tick % every == every - 1) {
        // listings stored and decisions taken since the networks were last counted
        new SellerNetworkStore(db.dataSource()).refreshAll();
      }
      lastProblem = null;
      return new DatabaseSnapshot(tick, version, files, offenders, facts);
    } catch (StorageException e) {
      if (!e.getMessage().equals(lastProblem)) {
        LOG.warn(
            "cannot refresh rulesets, violators and catalog facts from the database: {}",
            e.getMessage());
      }
      lastProblem = e.getMessage();
      return new DatabaseSnapshot(tick, null, null, null);
    }
  }

  @Override
  public void close() {
    if (db != null) {
      db.close();
    }
  }
}
