package org.markwatch.storage.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.model.JsonCodec;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.audit.AuditVerifier;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.review.DecisionRequest;
import org.markwatch.storage.review.ReviewState;
import org.markwatch.storage.review.ReviewStore;
import org.markwatch.storage.review.ReviewStoreTestData;
import tools.jackson.databind.JsonNode;

/**
 * Export from one agency's database, import into another's: all or nothing, idempotent, audited,
 * within jurisdiction, and every line as the JSON Schema in the repository says.
 */
class SharingTest {
  private static final Jurisdiction HANOI = Jurisdiction.province("lan", "ha-noi");
  private static final Jurisdiction NATIONAL = Jurisdiction.national("chief");

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void anExportImportsOnceAndAgainChangesNothing(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase a = TestDatabase.create(backend);
        Database source = Database.open(a.settings());
        TestDatabase b = TestDatabase.create(backend);
        Database target = Database.open(b.settings())) {
      seedDecisionsCaseAndViolator(source);
      Exporter exporter = new Exporter(source.dataSource());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExportResult r = exporter.export(NATIONAL, 0, ShareFormat.Format.JSONL, out);
      assertThat(r.decisions()).isEqualTo(2);
      assertThat(r.cases()).isEqualTo(1);
      assertThat(r.violators()).isEqualTo(1);
      byte[] file = out.toByteArray();
      checkAgainstSchema(new String(file, StandardCharsets.UTF_8));

      Importer importer = new Importer(target.dataSource());
      ImportResult first = importer.importFile("hanoi.jsonl", in(file), "qltt-ha-noi", "cli:test");
      assertThat(first.added()).isEqualTo(4);
      ImportResult again = importer.importFile("hanoi.jsonl", in(file), "qltt-ha-noi", "cli:test");
      assertThat(again.added()).isZero();
      assertThat(again.updated()).isZero();
      assertThat(again.unchanged()).isEqualTo(4);
      assertThat(count(target, "SELECT COUNT(*) FROM decisions WHERE origin = 'qltt-ha-noi'"))
          .isEqualTo(2);
      assertThat(count(target, "SELECT COUNT(*) FROM case_actions")).isEqualTo(1);
      assertThat(count(target, "SELECT COUNT(*) FROM case_listings")).isEqualTo(1);
      assertThat(count(target, "SELECT COUNT(*) FROM violators WHERE published")).isEqualTo(1);
      assertThat(count(target, "SELECT COUNT(*) FROM audit_log WHERE action = 'import'"))
          .isEqualTo(2);
      assertThat(
              count(
                  source,
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND detail LIKE '%sha256=%'"))
          .isEqualTo(1);
      assertThat(new AuditVerifier(target.dataSource()).verify().intact()).isTrue();

      // The cursor: nothing changed since, nothing exported; a later decision comes alone.
      ByteArrayOutputStream none = new ByteArrayOutputStream();
      assertThat(exporter.export(NATIONAL, r.cursor(), ShareFormat.Format.JSONL, none).records())
          .isZero();
      new ReviewStore(source.dataSource())
          .decide(
              NATIONAL,
              DecisionRequest.of("shopee:hn2", ReviewState.DISMISSED, "genuine_product", null));
      ExportResult next =
          exporter.export(
              NATIONAL, r.cursor(), ShareFormat.Format.JSONL, new ByteArrayOutputStream());
      assertThat(next.decisions()).isEqualTo(1);
      assertThat(next.records()).isEqualTo(1);
      assertThat(next.cursor()).isGreaterThan(r.cursor());

      // The case carries its seller's bank account (for the State Bank); the import adds it to
      // the seller's contact points.
      assertThat(new String(file, StandardCharsets.UTF_8))
          .contains(
              "\"bankAccounts\":[{\"sellerId\":\"shopee:shop:shop-hn\",\"account\":\"Vietcombank 0123 456 789\"");
      assertThat(
              count(
                  target,
                  "SELECT COUNT(*) FROM seller_contacts WHERE seller_id = 'shopee:shop:shop-hn'"
                      + " AND match_kind = 'bank_account' AND value_key = '0123456789'"))
          .isEqualTo(1);

      // CSV: a header, one row per record and the end row; it imports like the JSON lines (the
      // same records: nothing new), and into an empty database like them.
      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      exporter.export(NATIONAL, 0, ShareFormat.Format.CSV, csv);
      List<String> rows = csv.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(rows.get(0)).startsWith("schema,type,seq,origin,");
      assertThat(rows).hasSize(1 + 5 + 1);
      assertThat(rows.get(rows.size() - 1)).startsWith("markwatch.share/1,end,");
      ImportResult fromCsv =
          importer.importFile("hanoi.csv", in(csv.toByteArray()), "qltt-ha-noi", "cli:test");
      assertThat(fromCsv.added()).isEqualTo(1); // the decision taken after the first export
      assertThat(fromCsv.updated()).isZero();
      assertThat(fromCsv.unchanged()).isEqualTo(4);
      try (TestDatabase c = TestDatabase.create(backend);
          Database third = Database.open(c.settings())) {
        ImportResult all =
            new Importer(third.dataSource())
                .importFile("hanoi.csv", in(csv.toByteArray()), "qltt-ha-noi", "cli:test");
        assertThat(all.added()).isEqualTo(5);
        assertThat(count(third, "SELECT COUNT(*) FROM case_actions")).isEqualTo(1);
        assertThat(count(third, "SELECT COUNT(*) FROM case_listings")).isEqualTo(1);
        assertThat(count(third, "SELECT COUNT(*) FROM violators WHERE published")).isEqualTo(1);
        assertThat(count(third, "SELECT COUNT(*) FROM seller_contacts")).isEqualTo(1);
        assertThat(
                count(
                    third,
                    "SELECT COUNT(*) FROM decisions WHERE evidence_refs LIKE '%"
                        + "a".repeat(64)
                        + "%'"))
            .isEqualTo(1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aMalformedLineIsReportedWithItsNumberAndNothingIsImported(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase a = TestDatabase.create(backend);
        Database source = Database.open(a.settings());
        TestDatabase b = TestDatabase.create(backend);
        Database target = Database.open(b.settings())) {
      seedDecisionsCaseAndViolator(source);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new Exporter(source.dataSource()).export(NATIONAL, 0, ShareFormat.Format.JSONL, out);
      List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
      Importer importer = new Importer(target.dataSource());

      List<String> broken = new ArrayList<>(lines);
      broken.set(2, broken.get(2).replace("\"reasonCode\":\"", "\"reasonCode\":\"nonsense_"));
      assertThatThrownBy(() -> importer.importFile("x.jsonl", in(broken), "qltt-ha-noi", "t"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("x.jsonl:3: reasonCode: unknown code");

      List<String> badJson = new ArrayList<>(lines);
      badJson.set(3, badJson.get(3).substring(0, 20));
      assertThatThrownBy(() -> importer.importFile("x.jsonl", in(badJson), "qltt-ha-noi", "t"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("x.jsonl:4: not valid JSON");

      List<String> truncated = lines.subList(0, lines.size() - 1);
      assertThatThrownBy(() -> importer.importFile("x.jsonl", in(truncated), "qltt-ha-noi", "t"))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("truncated");

      // The same in CSV: the row's line number (a quoted note spanning two lines moves it)
      ByteArrayOutputStream csvOut = new ByteArrayOutputStream();
      new Exporter(source.dataSource()).export(NATIONAL, 0, ShareFormat.Format.CSV, csvOut);
      List<String> csvLines =
          new ArrayList<>(csvOut.toString(StandardCharsets.UTF_8).lines().toList());
      int decisionRow = 0;
      for (int i = 0; i < csvLines.size(); i++) {
        if (csvLines.get(i).contains(",decision,") && decisionRow == 0) {
          decisionRow = i;
        }
      }
      List<String> badCsv = new ArrayList<>(csvLines);
      badCsv.set(decisionRow, badCsv.get(decisionRow).replace("counterfeit_confirmed", "nonsense"));
      int caseRow = 0;
      for (int i = 0; i < csvLines.size(); i++) {
        if (csvLines.get(i).contains(",case,")) {
          caseRow = i;
        }
      }
      assertThat(caseRow).isBetween(1, decisionRow - 1);
      // the case's summary becomes a quoted cell of two lines: the rows after it move down one
      badCsv.set(caseRow, badCsv.get(caseRow).replace("\"hai tin đăng\"", "\"hai tin\nđăng\""));
      assertThat(badCsv.get(caseRow)).contains("\n");
      int badLine = decisionRow + 2;
      assertThatThrownBy(() -> importer.importFile("x.csv", in(badCsv), "qltt-ha-noi", "t"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("x.csv:" + badLine + ": reasonCode: unknown code 'nonsense'");
      List<String> badNumber = new ArrayList<>(csvLines);
      badNumber.set(
          1,
          badNumber
              .get(1)
              .replaceFirst("^markwatch.share/1,(\\w+),\\d+,", "markwatch.share/1,$1,x1,"));
      assertThatThrownBy(() -> importer.importFile("x.csv", in(badNumber), "qltt-ha-noi", "t"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("x.csv:2: seq: not a number");
      List<String> csvTruncated = csvLines.subList(0, csvLines.size() - 1);
      assertThatThrownBy(() -> importer.importFile("x.csv", in(csvTruncated), "qltt-ha-noi", "t"))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("truncated");

      for (String table : List.of("decisions", "cases", "case_actions", "violators", "audit_log")) {
        assertThat(count(target, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aProvincialExportHoldsOnlyItsProvince(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase a = TestDatabase.create(backend);
        Database source = Database.open(a.settings())) {
      seedDecisionsCaseAndViolator(source);
      new ReviewStore(source.dataSource())
          .decide(
              NATIONAL,
              DecisionRequest.of(
                  "shopee:sg1", ReviewState.CONFIRMED, "counterfeit_confirmed", "HCM"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExportResult r =
          new Exporter(source.dataSource()).export(HANOI, 0, ShareFormat.Format.JSONL, out);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .doesNotContain("shopee:sg1")
          .contains("shopee:hn1");
      assertThat(r.decisions()).isEqualTo(2);
      ByteArrayOutputStream hcm = new ByteArrayOutputStream();
      new Exporter(source.dataSource())
          .export(Jurisdiction.province("minh", "ho-chi-minh"), 0, ShareFormat.Format.JSONL, hcm);
      assertThat(hcm.toString(StandardCharsets.UTF_8))
          .contains("shopee:sg1")
          .doesNotContain("shopee:hn1");
    }
  }

  /** Two Hà Nội decisions, a Hà Nội case with a referral, a published violator. */
  static void seedDecisionsCaseAndViolator(Database db) {
    ReviewStoreTestData.seed(db);
    ReviewStore reviews = new ReviewStore(db.dataSource());
    reviews.decide(
        HANOI,
        new DecisionRequest(
            "shopee:hn1",
            ReviewState.CONFIRMED,
            "counterfeit_confirmed",
            "logo sai",
            List.of("sha256:" + "a".repeat(64)),
            null));
    reviews.decide(
        HANOI, DecisionRequest.of("shopee:hn2", ReviewState.ESCALATED, "needs_brand_owner", null));
    // an older listing of the case's seller gave a bank account
    new org.markwatch.storage.ListingStore(db.dataSource())
        .saveAll(
            List.of(
                new org.markwatch.storage.ScoredListing(
                    org.markwatch.storage.Fixtures.listing(
                            "shopee:hn-old",
                            "shopee",
                            "shopee:shop:shop-hn",
                            "Ví da",
                            "2026-01-01T07:00:00Z")
                        .toBuilder()
                        .contacts(
                            List.of(
                                new org.markwatch.model.Contact(
                                    "bank_account", "Vietcombank 0123 456 789")))
                        .build(),
                    org.markwatch.storage.Fixtures.clean("shopee:hn-old"))));
    CaseStore cases = new CaseStore(db.dataSource());
    CaseRecord k =
        cases.create(HANOI, "HN-2026-0001", "Túi LV giả, shop-hn", null, null, "hai tin đăng");
    cases.addListings(HANOI, k.id(), List.of("shopee:hn1"));
    cases.addAction(
        HANOI, k.id(), "referral", "police", "sent", "CV-123/QLTT", null, "chuyển công an", null);
    cases.confirmViolator(
        HANOI,
        "shopee:shop:shop-hn",
        "QD-45/XPVPHC",
        "Decree 98/2020/ND-CP art. 11",
        k.id(),
        true,
        Instant.parse("2027-06-01T00:00:00Z"));
  }

  private static void checkAgainstSchema(String jsonl) throws Exception {
    JsonNode schema;
    try (InputStream s = SharingTest.class.getResourceAsStream("/schema/share.schema.json")) {
      schema = JsonCodec.mapper().readTree(s);
    }
    for (String line : jsonl.lines().toList()) {
      JsonNode n = JsonCodec.mapper().readTree(line);
      JsonNode def = schema.get("$defs").get(n.get("type").asString());
      for (JsonNode req : def.get("required")) {
        assertThat(n.has(req.asString())).as(n.get("type") + " needs " + req).isTrue();
      }
      n.propertyNames()
          .forEach(
              f ->
                  assertThat(def.get("properties").has(f))
                      .as(n.get("type") + "." + f + " is documented")
                      .isTrue());
    }
  }

  private static InputStream in(byte[] b) {
    return new ByteArrayInputStream(b);
  }

  private static InputStream in(List<String> lines) {
    return new ByteArrayInputStream(
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
