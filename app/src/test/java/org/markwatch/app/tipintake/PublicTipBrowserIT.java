package org.markwatch.app.tipintake;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markwatch.app.ConfLocation;
import org.markwatch.app.PortalServer;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.detectors.Detectors;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public's flow end to end, in real Chromium against the real portal: a member of the public
 * sends a tip about a shop page (served on 127.0.0.1; the intake's guard allows that one port
 * only), the tip intake fetches, scores and stores it, an analyst sees it in the queue, the sender
 * follows it by tracking code, and once the seller is confirmed and published the public finds it
 * among the violators. A script in the tip is text. Screenshots in target/playwright-public/.
 */
class PublicTipBrowserIT {
  static final String PASSWORD = "correct horse battery";
  static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  static final String SHOP_PAGE =
      """
      <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
      <title>Túi Louis Vuitton Neverfull rep 1:1 like auth</title>
      <script type="application/ld+json">
      {"@context":"https://schema.org","@type":"Product",
       "name":"Túi Louis Vuitton Neverfull rep 1:1 like auth full box",
       "brand":{"@type":"Brand","name":"Louis Vuitton"},
       "offers":{"@type":"Offer","price":"450000","priceCurrency":"VND",
         "seller":{"@type":"Organization","name":"Shop Túi Hiệu Giá Rẻ","url":"http://127.0.0.1:%d/shop/tui-hieu",
           "telephone":"0988 123 456","address":{"@type":"PostalAddress","addressRegion":"Hà Nội"}}}}
      </script></head>
      <body><h1>Túi Louis Vuitton Neverfull rep 1:1 like auth full box</h1>
      <p class="price">450.000₫</p><p>Hàng rep 1:1 giống auth 99%%, ship toàn quốc.</p></body></html>
      """;

  @Test
  void aMemberOfThePublicSendsATipThatReachesTheAnalystsQueue() throws Exception {
    Path dir = Files.createTempDirectory("markwatch-public-it");
    Path shots = Path.of("target", "playwright-public");
    Files.createDirectories(shots);
    DatabaseSettings settings = DatabaseSettings.h2File(dir.resolve("db"));
    HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    int shopPort = shop.getAddress().getPort();
    byte[] page = SHOP_PAGE.formatted(shopPort).getBytes(StandardCharsets.UTF_8);
    shop.createContext(
        "/p/",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, page.length);
          ex.getResponseBody().write(page);
          ex.close();
        });
    shop.start();
    String tipUrl = "http://127.0.0.1:" + shopPort + "/p/neverfull-777";
    List<String> console = new ArrayList<>();
    try (Database db = Database.open(settings)) {
      new UserStore(db.dataSource())
          .add(
              new NewUser("analyst", "Analyst", null, null, Set.of(Role.ANALYST)),
              PASSWORD,
              false,
              "test");
      ConfigurableApplicationContext portal =
          PortalServer.start(settings, dir.resolve("evidence"), "127.0.0.1", 0, null);
      String base = PortalServer.localUrl(portal, "127.0.0.1").replaceAll("/$", "");
      try (TipIntake intake =
              new TipIntake(
                  db.dataSource(),
                  Detectors.create(ConfLocation.detectorConfig(Path.of("..", "conf"), null, null)),
                  AddressGuard.loopbackOnlyOnPorts(Set.of(shopPort)),
                  Clock.systemUTC());
          Playwright pw =
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
        Page pub =
            browser
                .newContext(new Browser.NewContextOptions().setViewportSize(1200, 900))
                .newPage();
        pub.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));

        // 1. the public sends a tip, with a script in its text
        pub.navigate(base + "/cong-khai/to-giac");
        pub.fill("#url", tipUrl);
        pub.fill("#shopName", "Shop Túi Hiệu Giá Rẻ");
        pub.fill("#description", "<script>alert('xss')</script> Bán túi LV giả giá 450k");
        pub.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("1-tip-form.png")));
        pub.click("#tip button[type=submit]");
        pub.waitForSelector("#tracking-code");
        String code = pub.textContent("#tracking-code").strip();
        assertThat(code).matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        assertThat(pub.textContent(".description")).contains("<script>alert('xss')</script>");
        pub.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("2-tracking-code.png")));

        // 2. the intake (every 30 s under `serve`) fetches, scores and stores it
        assertThat(intake.runOnce(10)).isEqualTo(1);
        String listingId =
            single(settings, "SELECT listing_id FROM tips WHERE tracking_code = ?", code);
        assertThat(single(settings, "SELECT status FROM tips WHERE tracking_code = ?", code))
            .isEqualTo("queued");

        // 3. an analyst sees it in the queue
        Page analyst =
            browser
                .newContext(new Browser.NewContextOptions().setViewportSize(1400, 900))
                .newPage();
        analyst.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        analyst.navigate(base + "/login");
        analyst.fill("input[name=username]", "analyst");
        analyst.fill("input[name=password]", PASSWORD);
        analyst.click("button[type=submit]");
        analyst.waitForURL("**/queue");
        assertThat(analyst.locator("tr.item[data-listing='" + listingId + "']").count())
            .isEqualTo(1);
        analyst.screenshot(
            new Page.ScreenshotOptions().setPath(shots.resolve("3-analysts-queue.png")));

        // 4. the sender follows the tip by its code
        pub.navigate(base + "/cong-khai/theo-doi");
        pub.fill("input[name=ma]", code.toLowerCase());
        pub.click("form.search button");
        pub.waitForSelector("#state");
        assertThat(pub.getAttribute("#state", "class")).isEqualTo("state-queued");
        pub.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("4-tip-status.png")));

        // 5. the seller is confirmed and published; the public finds it by its phone
        String sellerId =
            single(settings, "SELECT seller_id FROM listings WHERE id = ?", listingId);
        assertThat(sellerId).isNotNull();
        new CaseStore(db.dataSource())
            .confirmViolator(
                Jurisdiction.national("boss"),
                sellerId,
                "77/QĐ-XPHC",
                "Nghị định 98/2020/NĐ-CP Điều 11",
                null,
                true,
                null);
        pub.navigate(base + "/cong-khai");
        pub.fill("input[name=q]", "0988 123 456");
        pub.click("form.search button");
        pub.waitForSelector("#violators");
        assertThat(pub.textContent("#violators"))
            .contains("Shop Túi Hiệu Giá Rẻ")
            .contains("77/QĐ-XPHC");
        pub.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("5-violator-found.png")));
        pub.navigate(
            base
                + "/cong-khai/kiem-tra?q="
                + java.net.URLEncoder.encode(tipUrl, StandardCharsets.UTF_8));
        assertThat(pub.getAttribute("p.rating", "class")).contains("rating-danger");
        pub.screenshot(new Page.ScreenshotOptions().setPath(shots.resolve("6-check-link.png")));
      } finally {
        portal.close();
      }
    } finally {
      shop.stop(0);
    }
    assertThat(console)
        .as("no console error, so no CSP violation")
        .noneMatch(m -> m.startsWith("error"));
  }

  static String single(DatabaseSettings settings, String sql, String param) throws Exception {
    try (Database db = Database.openWithoutMigrating(settings);
        Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
