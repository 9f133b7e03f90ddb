package org.markwatch.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.TestConf;
import org.markwatch.portal.PortalTestSupport;

/**
 * The operators' area over real HTTP: roles (an analyst is refused, a visitor is sent to the
 * login), CSRF on every form, and the rules console's flow with the real detectors: a broken edit
 * refused at file:line, a good one stored as a draft, backtested (the diff names the listing it
 * newly flags), published and rolled back with audit rows.
 */
class OpsConsoleTest extends PortalTestSupport {
  static final String FILE = "rules/misleading.yaml";

  @Test
  void anAnalystIsRefusedAndAVisitorIsSentToTheLogin() throws Exception {
    Client analyst = new Client().signedIn("analyst");
    for (String path :
        new String[] {
          "/ops", "/ops/rules", "/ops/brands", "/ops/sources", "/ops/crawls", "/ops/reports"
        }) {
      assertThat(analyst.get(path).statusCode()).as(path).isEqualTo(403);
      HttpResponse<String> visitor = new Client().get(path);
      assertThat(visitor.statusCode()).as(path).isEqualTo(302);
      assertThat(visitor.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
    Client operator = new Client().signedIn("operator");
    for (String path :
        new String[] {"/ops", "/ops/rules", "/ops/brands?q=gucci", "/ops/sources", "/ops/crawls"}) {
      HttpResponse<String> r = operator.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'");
    }
    assertThat(operator.get("/ops/brands?q=gucci").body()).contains("gucci");
    assertThat(operator.get("/ops/sources").body()).contains("demo-chosi");
    // an analyst cannot publish even with a valid token
    HttpResponse<String> post =
        analyst.postFrom("/queue", "/ops/rules/publish", "version=anything");
    assertThat(post.statusCode()).isEqualTo(403);
  }

  @Test
  void everyOpsFormNeedsTheCsrfToken() throws Exception {
    Client operator = new Client().signedIn("operator");
    for (String action :
        new String[] {
          "/ops/rules/check",
          "/ops/rules/backtest",
          "/ops/rules/publish",
          "/ops/rules/rollback",
          "/ops/brands/add"
        }) {
      assertThat(
              operator
                  .post(action, "version=x&file=" + FILE + "&content=x&id=a&name=b")
                  .statusCode())
          .as(action)
          .isEqualTo(403);
    }
    assertThat(column("SELECT COUNT(*) FROM rulesets WHERE version = 'x'")).containsExactly("0");
  }

  @Test
  void theGuideIsPublicAndInVietnamese() throws Exception {
    Client visitor = new Client();
    HttpResponse<String> index = visitor.get("/huong-dan");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("Hướng dẫn sử dụng markwatch");
    for (String role :
        new String[] {
          "phan-tich-vien",
          "giam-sat-vien",
          "van-hanh",
          "quan-tri",
          "chu-nhan-hieu",
          "co-quan",
          "cong-chung"
        }) {
      HttpResponse<String> page = visitor.get("/huong-dan/" + role);
      assertThat(page.statusCode()).as(role).isEqualTo(200);
      Matcher img = Pattern.compile("src=\"(/huong-dan/anh/[^\"]+)\"").matcher(page.body());
      while (img.find()) {
        assertThat(visitor.bytes(img.group(1)).statusCode()).as(img.group(1)).isEqualTo(200);
      }
    }
    assertThat(visitor.get("/huong-dan/khong-co").statusCode()).isEqualTo(404);
  }

  @Test
  void editCheckBacktestPublishAndRollBack() throws Exception {
    Client operator = new Client().signedIn("operator");
    HttpResponse<String> console = operator.get("/ops/rules");
    assertThat(console.body()).contains(FILE);
    String original =
        Files.readString(
            TestConf.withoutRetailCatalog().resolve(FILE), java.nio.charset.StandardCharsets.UTF_8);

    // a broken edit: refused with file:line, nothing stored
    String broken = original.replaceFirst("rules:\n", "rules:\n  - id: [unclosed\n");
    HttpResponse<String> refused =
        operator.postFrom(
            "/ops/rules/edit?file=" + enc(FILE),
            "/ops/rules/check",
            "file=" + enc(FILE) + "&content=" + enc(broken));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).containsPattern("rules/misleading\\.yaml:\\d+");
    long drafts = Long.parseLong(column("SELECT COUNT(*) FROM rulesets").get(0));

    // a new rule with its examples: stored as a draft
    String edited = original.replaceFirst("rules:\n", "rules:\n" + rule("misleading.cotton-test"));
    HttpResponse<String> checked =
        operator.postFrom(
            "/ops/rules/edit?file=" + enc(FILE),
            "/ops/rules/check",
            "file=" + enc(FILE) + "&content=" + enc(edited));
    assertThat(checked.body()).contains("draft-version");
    String version = between(checked.body(), "id=\"draft-version\">", "<");
    assertThat(column("SELECT status FROM rulesets WHERE version = ?", version))
        .containsExactly("draft");
    assertThat(Long.parseLong(column("SELECT COUNT(*) FROM rulesets").get(0)))
        .isEqualTo(drafts + 1);

    // backtest over a year: the plain cotton shirt is newly flagged; current verdicts untouched
    HttpResponse<String> started =
        operator.postFrom(
            "/ops/rules", "/ops/rules/backtest", "version=" + enc(version) + "&days=365");
    assertThat(started.statusCode()).isEqualTo(302);
    String page = started.headers().firstValue("Location").orElseThrow();
    String body =
        waitFor(operator, page.substring(page.indexOf("/ops/")), "data-status=\"finished\"");
    assertThat(body).contains("Áo thun trơn cotton");
    assertThat(column("SELECT flagged FROM verdicts WHERE listing_id = 'chosi:3'"))
        .containsExactly("FALSE");

    // publish (applied to the last day only: the other tests' listings keep their verdicts)
    HttpResponse<String> published =
        operator.postFrom(
            "/ops/rules", "/ops/rules/publish", "version=" + enc(version) + "&days=1");
    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(column("SELECT status FROM rulesets WHERE version = ?", version))
        .containsExactly("published");
    assertThat(operator.get("/ops/rules").body()).contains(version);

    // a second version, published, then a rollback to the first
    String second =
        original.replaceFirst("rules:\n", "rules:\n" + rule("misleading.cotton-test-two"));
    String version2 =
        between(
            operator
                .postFrom(
                    "/ops/rules/edit?file=" + enc(FILE),
                    "/ops/rules/check",
                    "file=" + enc(FILE) + "&content=" + enc(second))
                .body(),
            "id=\"draft-version\">",
            "<");
    operator.postFrom("/ops/rules", "/ops/rules/publish", "version=" + enc(version2) + "&days=1");
    HttpResponse<String> rolledBack =
        operator.postFrom(
            "/ops/rules", "/ops/rules/rollback", "version=" + enc(version) + "&days=1");
    assertThat(rolledBack.statusCode()).isEqualTo(302);
    assertThat(
            column(
                "SELECT version FROM rulesets WHERE publish_seq = (SELECT MAX(publish_seq) FROM rulesets)"))
        .containsExactly(version);
    assertThat(
            column(
                    "SELECT actor || ' ' || subject || ' ' || detail FROM audit_log"
                        + " WHERE action = 'ruleset_published' ORDER BY seq")
                .stream()
                .map(line -> line.replaceFirst(" \\(publication \\d+\\)$", ""))
                .toList())
        .containsSubsequence(
            "operator " + version + " published from the rules console",
            "operator " + version2 + " published from the rules console",
            "operator " + version + " rollback to " + version)
        .allSatisfy(line -> assertThat(line).startsWith("operator "));
  }

  @Test
  void aBrandOwnersCsvIsImportedCheckedAndStoredAsADraft() throws Exception {
    Client operator = new Client().signedIn("operator");
    String token = csrf(operator.get("/ops/brands").body());
    String bad = "brand_id,name\nx,y\n";
    HttpResponse<String> refused = upload(operator, token, "bad.csv", bad);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"import-error\"").contains("bad.csv:1");

    String csv =
        org.markwatch.detectors.catalog.BrandImport.CSV_HEADER
            + "\nsua-hoa-sen,Sữa Hoa Sen,food,HoaSen,,,,,,,\n";
    HttpResponse<String> checked = upload(operator, token, "hoa-sen.csv", csv);
    assertThat(checked.body()).contains("draft-version");
    String version = between(checked.body(), "id=\"draft-version\">", "<");
    assertThat(
            column(
                "SELECT content FROM ruleset_files WHERE version = ? AND name = ?",
                version,
                "brands/operators.yaml"))
        .singleElement()
        .satisfies(yaml -> assertThat(yaml).contains("sua-hoa-sen").contains("Sữa Hoa Sen"));
    assertThat(operator.get("/ops/brands?base=" + enc(version) + "&q=hoa%20sen").body())
        .contains("sua-hoa-sen");
  }

  private HttpResponse<String> upload(Client client, String token, String name, String content)
      throws Exception {
    String boundary = "----markwatch" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + token
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: text/csv\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return client.http.send(
        java.net.http.HttpRequest.newBuilder(base("/ops/brands/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    body, java.nio.charset.StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A rule a test operator adds: plain cotton shirts sold as misleading (test input only). */
  static String rule(String id) {
    return "  - id: "
        + id
        + "\n"
        + "    description: test rule added through the console\n"
        + "    violation: misleading\n"
        + "    legalBasis: \"test\"\n"
        + "    weight: 0.9\n"
        + "    when:\n"
        + "      terms:\n"
        + "        in: [title]\n"
        + "        any: [áo thun trơn cotton]\n"
        + "    examples:\n"
        + "      fire:\n"
        + "        - \"Áo thun trơn cotton nam\"\n"
        + "      quiet:\n"
        + "        - \"Áo sơ mi lụa\"\n";
  }

  static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    assertThat(i).as("page has " + start).isGreaterThanOrEqualTo(0);
    int from = i + start.length();
    return s.substring(from, s.indexOf(end, from));
  }

  static String waitFor(Client client, String path, String marker) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      String body = client.get(path).body();
      if (body.contains(marker) || System.nanoTime() > deadline) {
        assertThat(body).contains(marker);
        return body;
      }
      Thread.sleep(200);
    }
  }
}
