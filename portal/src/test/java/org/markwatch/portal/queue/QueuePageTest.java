package org.markwatch.portal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markwatch.model.BrandHit;
import org.markwatch.model.JsonCodec;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.portal.PortalApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The portal over real HTTP on 127.0.0.1 with a real H2 database holding the storage schema. */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"MARKWATCH_ANALYST_PASSWORD=test-analyst-pw", "MARKWATCH_OPERATOR_PASSWORD=test-operator-pw"})
class QueuePageTest {
  static Path dir;
  static String url;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    dir = Files.createTempDirectory("markwatch-portal-test");
    url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    schemaAndRows();
    registry.add("spring.datasource.url", () -> url);
    registry.add("markwatch.evidence-dir", () -> dir.resolve("evidence").toString());
  }

  @Autowired Environment env;
  HttpClient http;

  static void schemaAndRows() throws Exception {
    Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url)) {
      insert(c, listing("chosi:1", "Túi <script>alert(1)</script> LV rep 1:1", "javascript:alert(1)"),
          Scored.of("chosi:1", "r1", 0.97, true, List.of("counterfeit"),
              List.of(new BrandHit("louis-vuitton", "LV", "title", "alias")),
              List.of(new Signal("counterfeit.admission", 2.0, "counterfeit", "title", "rep 1:1"))));
      insert(c, listing("chosi:2", "Thuốc lá điện tử pod", "https://chosi.example/p/2"),
          Scored.of("chosi:2", "r1", 0.9, true, List.of("prohibited"), List.of(),
              List.of(new Signal("prohibited.ecig", 2.0, "prohibited", "title", "thuốc lá điện tử"))));
      insert(c, listing("chosi:3", "Áo thun trơn cotton", "https://chosi.example/p/3"),
          Scored.of("chosi:3", "r1", 0.05, false, List.of(), List.of(), List.of()));
    }
  }

  @BeforeEach
  void client() {
    http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  @Test
  void everyPageNeedsALoginAndCarriesAStrictCsp() throws Exception {
    HttpResponse<String> response = get("/queue");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    HttpResponse<String> login = get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
    HttpResponse<String> response = post("/login", "username=analyst&password=test-analyst-pw");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(get("/queue").statusCode()).as("still signed out").isEqualTo(302);
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    assertThat(login("wrong").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
  }

  @Test
  void queueListsFlaggedListingsEscapedAndFiltersByViolation() throws Exception {
    login("test-analyst-pw");
    String page = get("/queue").body();
    assertThat(page).contains("Thuốc lá điện tử pod").doesNotContain("Áo thun trơn cotton");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    assertThat(page).contains("counterfeit (1)").contains("prohibited (1)");
    assertThat(page.indexOf("LV rep 1:1")).isLessThan(page.indexOf("Thuốc lá điện tử pod"));

    String prohibitedOnly = get("/queue?violation=prohibited").body();
    assertThat(prohibitedOnly).contains("Thuốc lá điện tử pod").doesNotContain("LV rep 1:1");
    assertThat(get("/queue?q=" + enc("thuốc lá")).body()).contains("Thuốc lá điện tử pod").doesNotContain("LV rep");
    assertThat(get("/queue?violation=bogus").statusCode()).isEqualTo(400);
  }

  @Test
  void listingPageShowsSignalsAndNeverLinksAHostileUrl() throws Exception {
    login("test-analyst-pw");
    String page = get("/listing?id=" + enc("chosi:1")).body();
    assertThat(page).contains("counterfeit.admission").contains("rep 1:1").contains("louis-vuitton")
        .contains("Shop Hoa Mai");
    assertThat(page).doesNotContain("href=\"javascript:");
    assertThat(get("/listing?id=nope").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> login(String password) throws Exception {
    String loginPage = get("/login").body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
    return post("/login", "username=analyst&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1)));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI base(String path) {
    return URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Listing listing(String id, String title, String url) {
    return Listing.builder(id, "chosi", url, "2026-11-01T07:00:00Z").title(title).text("Mô tả")
        .price(Money.vnd(450_000)).seller(Seller.named("chosi:shop:7", "Shop Hoa Mai")).build();
  }

  private static void insert(Connection c, Listing l, Scored s) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO listings (id, platform, kind, url, title, price_amount, price_currency, seller_id, observed_at, listing_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, TIMESTAMP WITH TIME ZONE '2026-11-01 07:00:00+00', ?)""")) {
      ps.setString(1, l.id()); ps.setString(2, l.platform()); ps.setString(3, l.kind()); ps.setString(4, l.url());
      ps.setString(5, l.title()); ps.setBigDecimal(6, l.price().amount()); ps.setString(7, "VND");
      ps.setString(8, l.seller().id()); ps.setString(9, JsonCodec.encode(l));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("""
        MERGE INTO sellers (id, platform, name, first_seen, last_seen) KEY (id)
        VALUES (?, 'chosi', ?, TIMESTAMP WITH TIME ZONE '2026-11-01 07:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-01 07:00:00+00')""")) {
      ps.setString(1, l.seller().id()); ps.setString(2, l.seller().name());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO verdicts (listing_id, ruleset_version, score, flagged, top_violation, violations, brands, scored_at, scored_json)
        VALUES (?, ?, ?, ?, ?, ?, ?, TIMESTAMP WITH TIME ZONE '2026-11-01 07:00:00+00', ?)""")) {
      ps.setString(1, s.listingId()); ps.setString(2, s.rulesetVersion()); ps.setDouble(3, s.score());
      ps.setBoolean(4, s.flagged()); ps.setString(5, s.violations().isEmpty() ? null : s.violations().get(0));
      ps.setString(6, String.join(",", s.violations()));
      ps.setString(7, String.join(",", s.brands().stream().map(BrandHit::brand).toList()));
      ps.setString(8, JsonCodec.encode(s));
      ps.executeUpdate();
    }
  }
}
