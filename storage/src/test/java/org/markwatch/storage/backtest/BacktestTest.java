package org.markwatch.storage.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.Listing;
import org.markwatch.model.Scored;
import org.markwatch.model.Signal;
import org.markwatch.storage.Database;
import org.markwatch.storage.Fixtures;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.rulesconsole.RulesetPublisher;

/**
 * A backtest scores the stored listings of its window with a candidate and compares with the
 * current verdicts; the current verdicts stay untouched. The candidate here is a small scorer
 * written for the test (storage does not know the detectors; the app and portal tests run the real
 * ones): it flags a title by words, so each kind of change has one listing.
 */
class BacktestTest {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void theDiffNamesNewlyFlaggedNoLongerFlaggedAndChangedListingsWithPrecision(
      TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      ListingStore store = new ListingStore(db.dataSource());
      String recent = NOW.minus(2, ChronoUnit.DAYS).toString();
      store.save(flagged("t:a", "Túi LV rep 1:1", recent, "counterfeit", "counterfeit.rep"));
      store.save(flagged("t:b", "Pod thuốc lá điện tử", recent, "prohibited", "prohibited.ecig"));
      store.save(clean("t:c", "Giày Nike fake loại 1", recent));
      store.save(
          flagged("t:d", "Đồng hồ Rolex super fake", recent, "counterfeit", "counterfeit.rep"));
      store.save(clean("t:e", "Áo thun trơn", recent));
      store.save(
          flagged(
              "t:old",
              "Túi Gucci rep",
              NOW.minus(60, ChronoUnit.DAYS).toString(),
              "counterfeit",
              "counterfeit.rep"));
      decide(db, "t:a", "confirmed");
      decide(db, "t:d", "dismissed");
      decide(db, "t:c", "confirmed");

      String before = verdicts(db);
      AtomicLong progress = new AtomicLong();
      Backtest backtest = new Backtest(db.dataSource());
      BacktestRun run =
          backtest.run(
              "candidate-1",
              NOW.minus(30, ChronoUnit.DAYS),
              "operator",
              BacktestTest::candidate,
              progress::addAndGet);

      assertThat(run.finished()).isTrue();
      assertThat(run.listingsTotal()).isEqualTo(5);
      assertThat(run.listingsDone()).isEqualTo(5);
      assertThat(progress.get()).isEqualTo(5);
      assertThat(run.baselineVersion()).isEqualTo("rules-test-1");
      assertThat(verdicts(db)).as("current verdicts untouched").isEqualTo(before);

      BacktestDiff diff = BacktestDiff.of(db.dataSource(), run.id(), 10);
      assertThat(diff.compared()).isEqualTo(5);
      assertThat(diff.newlyFlagged()).isEqualTo(1);
      assertThat(diff.newlyFlaggedExamples())
          .extracting(BacktestDiff.Example::listingId)
          .containsExactly("t:c");
      assertThat(diff.newlyFlaggedExamples().get(0).title()).isEqualTo("Giày Nike fake loại 1");
      assertThat(diff.noLongerFlagged()).isEqualTo(1);
      assertThat(diff.noLongerFlaggedExamples())
          .extracting(BacktestDiff.Example::listingId)
          .containsExactly("t:b");
      assertThat(diff.changedViolations()).isEqualTo(1);
      BacktestDiff.Example changed = diff.changedExamples().get(0);
      assertThat(changed.listingId()).isEqualTo("t:d");
      assertThat(changed.violationsBefore()).isEqualTo("counterfeit");
      assertThat(changed.violationsAfter()).isEqualTo("counterfeit,misleading");

      // decided: t:a confirmed (candidate fires fake.word? no: 'rep'), t:c confirmed, t:d dismissed
      Map<String, RulePrecision> byRule = new java.util.HashMap<>();
      diff.rules().forEach(r -> byRule.put(r.rule(), r));
      assertThat(byRule.get("candidate.fake"))
          .isEqualTo(new RulePrecision("candidate.fake", 2, 1, 0, 0));
      assertThat(byRule.get("candidate.rep"))
          .isEqualTo(new RulePrecision("candidate.rep", 1, 1, 0, 0));
      assertThat(byRule.get("counterfeit.rep"))
          .isEqualTo(new RulePrecision("counterfeit.rep", 0, 0, 2, 1));
      assertThat(DecisionPrecision.current(db.dataSource()))
          .containsExactly(new RulePrecision("counterfeit.rep", 0, 0, 2, 1));
      assertThat(backtest.recent(5)).extracting(BacktestRun::id).containsExactly(run.id());
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void publishAndRollbackAreAuditedAndMoveTheCurrentRuleset(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      RulesetPublisher publisher = new RulesetPublisher(db.dataSource());
      assertThatThrownBy(() -> publisher.publish("nothing-stored", "op", null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no stored files");
      publisher.saveDraft("v1", Map.of("rules/a.yaml", "rules: []\n"), "op", "first");
      publisher.saveDraft("v2", Map.of("rules/a.yaml", "rules: [] # two\n"), "op", "second");
      assertThat(publisher.current()).isEmpty();
      assertThatThrownBy(() -> publisher.rollback("v2", "op"))
          .hasMessageContaining("never published");

      publisher.publish("v1", "op", null);
      publisher.publish("v2", "op", null);
      assertThat(publisher.current().orElseThrow().version()).isEqualTo("v2");
      publisher.rollback("v1", "boss");
      assertThat(publisher.current().orElseThrow().version()).isEqualTo("v1");
      assertThat(publisher.files("v2")).containsEntry("rules/a.yaml", "rules: [] # two\n");
      // saving the same version again keeps the files as they were
      publisher.saveDraft("v2", Map.of("rules/a.yaml", "changed"), "op", "again");
      assertThat(publisher.files("v2")).containsEntry("rules/a.yaml", "rules: [] # two\n");

      List<String> audit = new ArrayList<>();
      try (Connection c = db.connection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT actor, subject, detail FROM audit_log WHERE action = 'ruleset_published'"
                      + " ORDER BY seq");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          audit.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
      }
      assertThat(audit)
          .containsExactly(
              "op v1 published (publication 1)",
              "op v2 published (publication 2)",
              "boss v1 rollback to v1 (publication 3)");
    }
  }

  /** The candidate: "fake" flags counterfeit, "rep" counterfeit, "super" adds misleading. */
  static List<Scored> candidate(List<Listing> listings) {
    List<Scored> out = new ArrayList<>();
    for (Listing l : listings) {
      String t = l.title().toLowerCase(java.util.Locale.ROOT);
      List<String> violations = new ArrayList<>();
      List<Signal> signals = new ArrayList<>();
      if (t.contains("fake")) {
        violations.add("counterfeit");
        signals.add(new Signal("candidate.fake", 2.0, "counterfeit", "title", "fake"));
      }
      if (t.contains("rep")) {
        if (!violations.contains("counterfeit")) {
          violations.add("counterfeit");
        }
        signals.add(new Signal("candidate.rep", 2.0, "counterfeit", "title", "rep"));
      }
      if (t.contains("super")) {
        violations.add("misleading");
        signals.add(new Signal("candidate.super", 1.0, "misleading", "title", "super"));
      }
      boolean flagged = !violations.isEmpty();
      out.add(
          Scored.of(
              l.id(),
              "candidate-1",
              flagged ? 0.9 : 0.05,
              flagged,
              violations,
              List.of(),
              signals));
    }
    return out;
  }

  static ScoredListing flagged(String id, String title, String at, String violation, String rule) {
    return new ScoredListing(
        Fixtures.listing(id, "chosi", "shop:" + id, title, at),
        Scored.of(
            id,
            "rules-test-1",
            0.8,
            true,
            List.of(violation),
            List.of(),
            List.of(new Signal(rule, 2.0, violation, "title", "x"))));
  }

  static ScoredListing clean(String id, String title, String at) {
    return new ScoredListing(
        Fixtures.listing(id, "chosi", "shop:" + id, title, at), Fixtures.clean(id));
  }

  /** The analysts' final decision, as the review workflow leaves it in {@code reviews}. */
  static void decide(Database db, String listingId, String state) throws Exception {
    try (Connection c = db.connection()) {
      int updated;
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE reviews SET state = ? WHERE listing_id = ?")) {
        ps.setString(1, state);
        ps.setString(2, listingId);
        updated = ps.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO reviews (listing_id, state, queued_at) VALUES (?, ?, ?)")) {
          ps.setString(1, listingId);
          ps.setString(2, state);
          ps.setObject(3, java.time.OffsetDateTime.now());
          ps.executeUpdate();
        }
      }
    }
  }

  static String verdicts(Database db) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT listing_id, ruleset_version, flagged, violations FROM verdicts ORDER BY listing_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        b.append(rs.getString(1))
            .append(rs.getString(2))
            .append(rs.getBoolean(3))
            .append(rs.getString(4))
            .append('\n');
      }
    }
    return b.toString();
  }
}
