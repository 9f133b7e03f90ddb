package org.markwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;

/**
 * Issue 14's reproduction through the real job: score the dev listings, change one rule weight
 * (0.35 → 0.36), score the same spool again: every current verdict carries the new ruleset and the
 * report says so. (A replay with the same ruleset replacing none is storage's RescoreTest.)
 */
class RescoreJobTest {
  @TempDir Path dir;

  @Test
  void changingOneRuleWeightReplacesEveryCurrentVerdict() throws Exception {
    Path spool = Files.createDirectories(dir.resolve("spool"));
    Files.copy(ScoringJobTest.DEV_LISTINGS, spool.resolve("dev-listings.jsonl"));
    Path conf = dir.resolve("conf");
    copyTree(ScoringJobTest.CONF, conf);
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.H2)) {
      JobReport first = job(spool, conf, scratch).run();
      assertThat(first.stored()).isPositive();
      assertThat(first.currentVerdicts()).isEqualTo(first.stored());

      Path seller = conf.resolve("rules/seller.yaml");
      String rules = Files.readString(seller);
      assertThat(rules).contains("weight: 0.35");
      Files.writeString(seller, rules.replaceFirst("weight: 0\\.35", "weight: 0.36"));
      JobReport rescore = job(spool, conf, scratch).run();
      assertThat(rescore.stored()).isEqualTo(first.stored());
      assertThat(rescore.currentVerdicts()).isEqualTo(rescore.stored());

      try (Database db = Database.open(scratch.settings());
          Connection c = db.connection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT COUNT(DISTINCT ruleset_version), COUNT(*) FROM verdicts")) {
        rs.next();
        assertThat(rs.getLong(1)).as("rulesets among current verdicts").isEqualTo(1);
        assertThat(rs.getLong(2)).isEqualTo(first.stored());
      }
    }
  }

  private static ScoringJob job(Path spool, Path conf, TestDatabase scratch) {
    return ScoringJob.builder()
        .spoolDir(spool)
        .deadLetterFile(spool.resolveSibling("dead.jsonl"))
        .database(scratch.settings())
        .detectorConfig(DetectorConfFiles.read(conf))
        .parallelism(2)
        .batchSize(50)
        .build();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
