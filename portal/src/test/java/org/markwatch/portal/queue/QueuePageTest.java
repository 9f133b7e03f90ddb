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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.portal.PortalApplication;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
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
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("markwatch.evidence-dir", () -> dir.resolve("evidence").toString());
  }

  @Autowired Environment env;
  HttpClient http;

  static void schemaAndRows() throws Exception {
    try (Database db = Database.open(new DatabaseSettings(url, "sa", ""))) {
      ListingStore store = new ListingStore(db.dataSource());
      store.save(new ScoredListing(listing("chosi:1", "Túi <script>alert(1)</script> LV rep 1:1", "javascript:alert(1)"),
          Scored.of("chosi:1", "r1", 0.97, true, List.of("counterfeit"),
              List.of(new BrandHit("louis-vuitton", "LV", "title", "alias")),
              List.of(new Signal("counterfeit.admission", 2.0, "counterfeit", "title", "rep 1:1")))));
      store.save(new ScoredListing(listing("chosi:2", "Thuốc lá điện tử pod", "https://chosi.example/p/2"),
          Scored.of("chosi:2", "r1", 0.9, true, List.of("prohibited"), List.of(),
              List.of(new Signal("prohibited.ecig", 2.0, "prohibited", "title", "thuốc lá điện tử")))));
      store.save(new ScoredListing(listing("chosi:3", "Áo thun trơn cotton", "https://chosi.example/p/3"),
          Scored.of("chosi:3", "r1", 0.05, false, List.of(), List.of(), List.of())));
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
    assertThat(page).contains("Hàng giả (1)").contains("Hàng cấm (1)");
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

}
