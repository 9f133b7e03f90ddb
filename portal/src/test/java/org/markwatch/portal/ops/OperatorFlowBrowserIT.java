package org.markwatch.portal.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.detectors.TestConf;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.portal.PortalApplication;
import org.markwatch.storage.CrawlRun;
import org.markwatch.storage.CrawlRunStore;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.MorningReport;
import org.markwatch.storage.MorningReportStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.origin.OriginStore;
import org.markwatch.storage.publicsite.WarningDraft;
import org.markwatch.storage.publicsite.WarningStore;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator in real Chromium, on its own portal and database: edits a rule (a new counterfeit
 * euphemism), sees a broken edit refused at file:line, checks the good one, backtests it (the diff
 * names the listing it would newly flag), publishes it and sees it take effect (the listing is in
 * the analysts' queue, flagged by the new ruleset). No console error (so no CSP violation).
 *
 * <p>It saves its screenshots into the user guide ({@code src/main/resources/static/huong-dan/anh},
 * served at /huong-dan): they are committed, so the guide has them on a clean clone, and every run
 * of this test refreshes them.
 */
@SpringBootTest(
    classes = PortalApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorFlowBrowserIT {
  static final String PASSWORD = "operator horse battery";
  static final String FILE = "rules/counterfeit.yaml";
  static final Path GUIDE_SHOTS = Path.of("src", "main", "resources", "static", "huong-dan", "anh");
  static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  static DatabaseSettings settings;

  @Autowired Environment env;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("markwatch-operator-it");
    settings = DatabaseSettings.h2File(dir.resolve("db"));
    try (Database db = Database.open(settings)) {
      rows(db);
    }
    registry.add("spring.datasource.url", settings::url);
    registry.add("spring.datasource.username", settings::user);
    registry.add("markwatch.evidence-dir", () -> dir.resolve("evidence").toString());
    registry.add("markwatch.conf-dir", () -> TestConf.withoutRetailCatalog().toString());
  }

  static void rows(Database db) {
    ListingStore store = new ListingStore(db.dataSource());
    Seller shop =
        new Seller(
            "chosi:shop:21",
            "Shop Giày Phố Huế",
            null,
            List.of("0912 000 321"),
            null,
            "21 Phố Huế, Hai Bà Trưng",
            "Hà Nội",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    String yesterday =
        Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    Object[][] items = {
      {
        "chosi:101",
        "Giày Nike Air Max 90 hàng tuồn xịn, đủ size",
        650_000L,
        false,
        List.<String>of()
      },
      {"chosi:102", "Túi Gucci Marmont rep 1:1 full box", 900_000L, true, List.of("counterfeit")},
      {"chosi:103", "Áo khoác dù nữ hai lớp", 180_000L, false, List.<String>of()},
      {"chosi:104", "Thuốc lá điện tử pod giá rẻ", 150_000L, true, List.of("prohibited")},
    };
    for (Object[] it : items) {
      @SuppressWarnings("unchecked")
      List<String> violations = (List<String>) it[4];
      boolean flagged = (boolean) it[3];
      store.save(
          new ScoredListing(
              Listing.builder(
                      (String) it[0], "chosi", "https://chosi.example/p/" + it[0], yesterday)
                  .title((String) it[1])
                  .text("Mô tả sản phẩm")
                  .price(Money.vnd((long) it[2]))
                  .seller(shop)
                  .build(),
              Scored.of(
                  (String) it[0],
                  "pipeline-2026.11",
                  flagged ? 0.9 : 0.1,
                  flagged,
                  violations,
                  List.of(),
                  List.of())));
    }
    new UserStore(db.dataSource())
        .add(
            new NewUser("operator", "Cán bộ vận hành", null, null, Set.of(Role.OPERATOR)),
            PASSWORD,
            false,
            "test");
    guideRows(db, yesterday);
  }

  /** What the guide's pages for warnings, origin and morning reports show in their screenshots. */
  static void guideRows(Database db, String yesterday) {
    new CaseStore(db.dataSource())
        .confirmViolator(
            Jurisdiction.national("giamsat"),
            "chosi:shop:21",
            "15/QĐ-XPHC",
            "Nghị định 98/2020/NĐ-CP Điều 11",
            null,
            true,
            null);
    WarningStore warnings = new WarningStore(db.dataSource());
    long warning =
        warnings.save(
            null,
            new WarningDraft(
                "Túi xách hàng hiệu giả bán qua sàn và mạng xã hội",
                "Nhiều cửa hàng rao bán túi xách mang nhãn hiệu nổi tiếng với giá rẻ bất thường,"
                    + " ghi \"rep 1:1\" hoặc \"hàng tuồn\".",
                "Túi xách",
                "Gucci",
                "Giá thấp hơn nhiều so với cửa hàng chính hãng; không có hoá đơn; người bán chỉ"
                    + " nhận chuyển khoản.",
                "rep 1:1, hàng tuồn",
                List.of("chosi:shop:21")),
            "giamsat");
    warnings.publish(warning, "giamsat");
    OriginStore origin = new OriginStore(db.dataSource());
    origin.registerProduct(
        "dielac-alpha-900", "vinamilk", "Sữa bột Dielac Alpha 900g", "Vinamilk", "operator");
    origin.addGtin("dielac-alpha-900", "8934673123457", "operator");
    origin.addSerialRange("dielac-alpha-900", "DA-", 100000, 199999, "operator");
    origin.authoriseSeller(
        "vinamilk", null, "giacmosuaviet.example.vn", "Vinamilk Official Store", null, "operator");
    Instant run = Instant.parse(yesterday);
    CrawlRunStore runs = new CrawlRunStore(db.dataSource());
    CrawlRun crawl = CrawlRun.started("crawl-" + run.toEpochMilli(), run, List.of("demo-chosi"));
    runs.start(crawl);
    runs.finish(
        crawl.finished(
            run.plus(47, ChronoUnit.MINUTES), CrawlRun.Status.FINISHED, 412, 3, 388, null));
    new MorningReportStore(db.dataSource())
        .save(
            new MorningReport(
                "crawl-" + run.toEpochMilli(),
                run.plus(2, ChronoUnit.HOURS),
                "Báo cáo sáng: crawl-" + run.toEpochMilli(),
                "Tin đăng mới bị gắn cờ: 2\nNgười bán nhiều tin nhất: Shop Giày Phố Huế (2)",
                "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo"
                    + " sáng</title></head><body><h1>Báo cáo sáng</h1><ul><li>Tin đăng mới bị"
                    + " gắn cờ: 2</li><li>Tin đăng đã bị gỡ: 0</li></ul><h2>Theo loại vi"
                    + " phạm</h2><table><thead><tr><th>Loại</th><th>Số tin</th></tr></thead>"
                    + "<tbody><tr><td>counterfeit</td><td>1</td></tr><tr><td>prohibited</td>"
                    + "<td>1</td></tr></tbody></table></body></html>"));
  }

  @Test
  void anOperatorEditsBacktestsPublishesAndSeesItTakeEffect() throws Exception {
    Files.createDirectories(GUIDE_SHOTS);
    List<String> console = new ArrayList<>();
    String original =
        Files.readString(TestConf.withoutRetailCatalog().resolve(FILE), StandardCharsets.UTF_8);
    assertThat(original).contains("any: [rep 1:1,");
    String edited = original.replace("any: [rep 1:1,", "any: [hàng tuồn, rep 1:1,");
    String broken = original.replace("any: [rep 1:1,", "any: [hàng tuồn, rep 1:1,,]]");
    try (Playwright pw =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            pw.chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS))) {
      Page page =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860)).newPage();
      page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
      // a check compiles the whole configuration while the form waits: generous on a loaded machine
      page.setDefaultTimeout(240_000);
      page.setDefaultNavigationTimeout(240_000);

      page.navigate(url("/login"));
      page.fill("input[name=username]", "operator");
      page.fill("input[name=password]", PASSWORD);
      shot(page, "dang-nhap.png");
      page.click("button[type=submit]");
      page.waitForURL("**/queue");
      assertThat(page.content()).doesNotContain("Giày Nike Air Max 90 hàng tuồn");
      shot(page, "hang-doi.png");
      page.navigate(url("/listing?id=chosi:102"));
      shot(page, "tin.png");

      // the rules console, then the counterfeit rule file
      page.navigate(url("/ops/rules"));
      shot(page, "quy-tac.png");
      page.click("a:has-text('" + FILE + "')");
      page.waitForSelector("#content");

      // a broken edit is refused at file:line
      page.fill("#content", broken);
      page.click("#check");
      page.waitForSelector("#problems");
      assertThat(page.locator("#problems").innerText())
          .containsPattern("rules/counterfeit\\.yaml:\\d+");
      shot(page, "quy-tac-loi.png");

      // the good edit passes its examples and becomes a draft
      page.fill("#content", edited);
      page.click("#check");
      page.waitForSelector("#draft-version");
      String version = page.locator("#draft-version").innerText().strip();
      shot(page, "quy-tac-hop-le.png");

      // backtest: the diff names the listing newly flagged
      page.click("#backtest");
      page.waitForSelector(
          "[data-status=finished]", new Page.WaitForSelectorOptions().setTimeout(240_000));
      assertThat(page.locator("#newly").innerText().strip()).isEqualTo("1");
      assertThat(page.content()).contains("Giày Nike Air Max 90 hàng tuồn xịn");
      shot(page, "chay-thu.png");

      // publish: the stored listings are rescored with it
      page.click("#publish");
      page.waitForSelector("#published-notice");
      long deadline = System.nanoTime() + 240_000_000_000L;
      while (!page.locator("td[data-status=finished]").first().isVisible()) {
        assertThat(System.nanoTime()).as("the publication is applied in time").isLessThan(deadline);
        page.waitForTimeout(500);
        page.reload();
      }
      assertThat(page.locator("tr.current").innerText()).contains(version);
      shot(page, "cong-bo.png");

      // it takes effect: the listing is in the analysts' queue, flagged by the new ruleset
      page.navigate(url("/queue"));
      assertThat(page.content()).contains("Giày Nike Air Max 90 hàng tuồn xịn");
      shot(page, "co-hieu-luc.png");
      page.navigate(url("/listing?id=chosi:101"));
      assertThat(page.content()).contains("hàng tuồn");

      for (String[] p :
          new String[][] {
            {"/ops/brands?q=nike", "thuong-hieu.png"},
            {"/ops/sources", "nguon.png"},
            {"/ops/crawls", "luot-thu-thap.png"},
            {"/ops/reports?period=1y", "bao-cao.png"},
            {"/ops/morning-report?run=" + morningRun(), "bao-cao-sang.png"},
            {"/warnings", "canh-bao.png"},
            {"/warnings/edit?id=1", "canh-bao-soan.png"},
            {"/cong-khai/canh-bao", "canh-bao-cong-khai.png"},
            {"/origin", "nguon-goc.png"},
            {"/origin/product?id=dielac-alpha-900", "nguon-goc-ma.png"}
          }) {
        page.navigate(url(p[0]));
        assertThat(page.title()).doesNotContain("Lỗi");
        shot(page, p[1]);
      }
    }
    assertThat(console)
        .as("no console error (no CSP violation)")
        .noneMatch(m -> m.startsWith("error"));
  }

  private static String morningRun() throws Exception {
    try (Database db = Database.openWithoutMigrating(settings)) {
      return new MorningReportStore(db.dataSource()).latest().orElseThrow().runId();
    }
  }

  private void shot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(GUIDE_SHOTS.resolve(name)).setFullPage(false));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + env.getProperty("local.server.port") + path;
  }
}
