package org.markwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.app.Main;
import org.markwatch.storage.DatabaseSettings;

/**
 * {@code markwatch demo --no-serve} end to end, with every real part: the demo world on 127.0.0.1,
 * OkHttp and Chromium fetches, the Flink job on a MiniCluster, the H2 file database. The world's
 * ground truth says what must be crawled, stored and flagged.
 */
class DemoEndToEndIT {
  static final long SEED = 2026;
  static final Path CONF = Path.of(System.getProperty("user.dir")).getParent().resolve("conf");

  @TempDir static Path data;
  static DemoWorld world;

  /** Both runs serve the world on the same ports (its URLs are part of the stored rows). */
  static int sitePort;

  static String firstSummary;
  static Map<String, List<String>> firstRows;
  static Map<String, Verdict> verdicts;

  record Verdict(boolean flagged, String violations, String brands) {}

  @BeforeAll
  static void runDemoOnce() throws Exception {
    world = DemoWorld.generate(SEED);
    sitePort = threeFreePorts();
    firstSummary = demo();
    firstRows = snapshot();
    verdicts = new HashMap<>();
    query(
        "SELECT listing_id, flagged, violations, brands FROM verdicts",
        rs ->
            verdicts.put(
                rs.getString(1), new Verdict(rs.getBoolean(2), rs.getString(3), rs.getString(4))));
  }

  @Test
  void crawlsAndStoresEveryListingOfEveryPlatform() throws Exception {
    assertThat(world.listings()).hasSizeGreaterThanOrEqualTo(300);
    Map<String, Integer> stored = new HashMap<>();
    query(
        "SELECT platform, COUNT(*) FROM listings GROUP BY platform",
        rs -> stored.put(rs.getString(1), rs.getInt(2)));
    Map<String, Integer> expected = new HashMap<>();
    world
        .listings()
        .forEach(
            l ->
                expected.merge(
                    l.listingId().substring(0, l.listingId().indexOf(':')), 1, Integer::sum));
    assertThat(stored).isEqualTo(expected);
    assertThat(expected).hasSize(DemoPlatform.values().length);
    List<String> missing =
        world.listings().stream()
            .map(DemoListing::listingId)
            .filter(id -> !verdicts.containsKey(id))
            .toList();
    assertThat(missing).as("listings of the world without a stored verdict").isEmpty();
    assertThat(firstSummary)
        .contains(
            world.listings().size()
                + " crawled, "
                + world.listings().size()
                + " stored, 0 refused");
  }

  @Test
  void knownViolationsAreFlaggedAndHonestListingsAreNot() {
    Map<DemoCase, int[]> perCase = new java.util.TreeMap<>();
    List<String> missedCounterfeit = new ArrayList<>();
    List<String> wronglyFlagged = new ArrayList<>();
    for (DemoListing listing : world.listings()) {
      Verdict verdict = verdicts.get(listing.listingId());
      int[] counts = perCase.computeIfAbsent(listing.caseLabel(), c -> new int[2]);
      counts[0]++;
      if (verdict.flagged()) {
        counts[1]++;
      }
      if (listing.caseLabel() == DemoCase.COUNTERFEIT && !verdict.flagged()) {
        missedCounterfeit.add(listing.listingId() + " " + listing.title());
      }
      if (!listing.caseLabel().violating() && verdict.flagged()) {
        wronglyFlagged.add(
            listing.caseLabel().label()
                + " "
                + listing.listingId()
                + " "
                + listing.title()
                + " -> "
                + verdict.violations());
      }
    }
    StringBuilder table = new StringBuilder("case: listings flagged\n");
    perCase.forEach(
        (c, n) -> table.append(String.format("  %-20s %4d %4d%n", c.label(), n[0], n[1])));
    System.out.println(table);

    int counterfeit = perCase.get(DemoCase.COUNTERFEIT)[0];
    int honest =
        perCase.entrySet().stream()
            .filter(e -> !e.getKey().violating())
            .mapToInt(e -> e.getValue()[0])
            .sum();
    assertThat(counterfeit).isGreaterThan(30);
    assertThat(honest).isGreaterThan(150);
    // The bar: nine counterfeit listings in ten reach the analysts, while no genuine or
    // official-store listing does and at most one honest listing in fifty.
    assertThat(missedCounterfeit.size())
        .as("counterfeit listings not flagged: %s%n%s", missedCounterfeit, table)
        .isLessThanOrEqualTo(counterfeit / 10);
    assertThat(
            wronglyFlagged.stream()
                .filter(
                    m ->
                        m.startsWith(DemoCase.GENUINE.label() + " ")
                            || m.startsWith(DemoCase.OFFICIAL_STORE.label() + " "))
                .toList())
        .as("genuine or official-store listings flagged")
        .isEmpty();
    assertThat(wronglyFlagged.size())
        .as("honest listings flagged: %s", wronglyFlagged)
        .isLessThanOrEqualTo(honest / 50);
  }

  @Test
  void brandsOfCounterfeitListingsAreNamed() {
    long named =
        world.listings().stream()
            .filter(l -> l.caseLabel() == DemoCase.COUNTERFEIT && !l.brandIds().isEmpty())
            .count();
    List<String> wrong =
        world.listings().stream()
            .filter(l -> l.caseLabel() == DemoCase.COUNTERFEIT && !l.brandIds().isEmpty())
            .filter(
                l ->
                    !List.of(verdicts.get(l.listingId()).brands().split(","))
                        .containsAll(l.brandIds()))
            .map(
                l ->
                    l.listingId()
                        + " "
                        + l.title()
                        + " expected "
                        + l.brandIds()
                        + " got "
                        + verdicts.get(l.listingId()).brands())
            .toList();
    assertThat(wrong.size())
        .as("counterfeit listings whose brand was not found: %s", wrong)
        .isLessThanOrEqualTo((int) named / 20);
  }

  @Test
  void runningTheDemoAgainChangesNoStoredRow() throws Exception {
    String second = demo();
    assertThat(snapshot()).isEqualTo(firstRows);
    assertThat(second).contains(world.listings().size() + " stored");
  }

  private static String demo() {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int status;
    try {
      status =
          Main.run(
              "demo",
              "--no-serve",
              "--seed",
              String.valueOf(SEED),
              "--data",
              data.toString(),
              "--conf",
              CONF.toString(),
              "--site-port",
              String.valueOf(sitePort),
              "--embedded");
    } finally {
      System.setOut(saved);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(status).as(printed).isZero();
    return printed;
  }

  /** The first of three consecutive free loopback ports, away from the demo's default ones. */
  private static int threeFreePorts() throws java.io.IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (java.net.ServerSocket probe =
          new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        first = probe.getLocalPort();
      }
      if (first < 65000 && free(first) && free(first + 1) && free(first + 2)) {
        return first;
      }
    }
    throw new IllegalStateException("no three consecutive free ports on 127.0.0.1");
  }

  private static boolean free(int port) {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Every row of the tables the demo writes (crawl runs aside), as text, keyed by table. */
  private static Map<String, List<String>> snapshot() throws Exception {
    Map<String, List<String>> rows = new HashMap<>();
    for (String table : List.of("listings", "sellers", "verdicts")) {
      List<String> lines = new ArrayList<>();
      query(
          "SELECT * FROM " + table + " ORDER BY 1",
          rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              cells.add(meta.getColumnName(i) + "=" + rs.getString(i));
            }
            lines.add(cells.stream().collect(Collectors.joining("|")));
          });
      assertThat(lines).as(table).isNotEmpty();
      rows.put(table, lines);
    }
    return rows;
  }

  interface RowHandler {
    void row(ResultSet rs) throws Exception;
  }

  private static void query(String sql, RowHandler handler) throws Exception {
    DatabaseSettings db = DatabaseSettings.h2File(data.resolve("db"));
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        handler.row(rs);
      }
    }
  }
}
