package org.markwatch.portal;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.model.BrandHit;
import org.markwatch.model.Contact;
import org.markwatch.model.Listing;
import org.markwatch.model.Money;
import org.markwatch.model.Scored;
import org.markwatch.model.Seller;
import org.markwatch.model.Signal;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal over real HTTP on 127.0.0.1 with a real H2 database migrated by storage, holding
 * listings in two provinces (Hà Nội and Hồ Chí Minh) and users: a national analyst, a Hà Nội
 * analyst and a national supervisor. One Spring context serves every test class that extends this.
 */
@SpringBootTest(
    classes = PortalApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PortalTestSupport {
  public static final String PASSWORD = "correct horse battery";
  protected static Path dir;
  protected static DatabaseSettings settings;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    if (dir == null) {
      dir = Files.createTempDirectory("markwatch-portal-test");
      settings = DatabaseSettings.h2File(dir.resolve("db"));
      try (Database db = Database.open(settings)) {
        rows(db);
      }
    }
    registry.add("spring.datasource.url", settings::url);
    registry.add("spring.datasource.username", settings::user);
    registry.add("markwatch.evidence-dir", () -> dir.resolve("evidence").toString());
    // the rules console compiles with the repository's conf (without the large retail catalog)
    registry.add(
        "markwatch.conf-dir",
        () -> org.markwatch.detectors.TestConf.withoutRetailCatalog().toString());
  }

  static void rows(Database db) {
    ListingStore store = new ListingStore(db.dataSource());
    Seller hanoi =
        new Seller(
            "chosi:shop:7",
            "Shop Hoa Mai <script>alert(2)</script>",
            null,
            List.of("0912 345 678"),
            null,
            "12 Hàng Bạc, Hoàn Kiếm",
            "Hà Nội",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Seller twin =
        new Seller(
            "chosi:shop:8",
            "Shop Hoa Đào",
            null,
            List.of("+84 912345678"),
            null,
            null,
            "Hà Nội",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Seller saigon =
        new Seller(
            "chosi:shop:9",
            "Shop Sài Gòn",
            null,
            List.of("0987 000 111"),
            null,
            null,
            "TP. Hồ Chí Minh",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    store.save(
        new ScoredListing(
            listing(
                "chosi:1",
                "Túi <script>alert(1)</script> LV rep 1:1",
                "javascript:alert(1)",
                hanoi,
                450_000,
                List.of(new Contact("zalo", "0912345678"))),
            Scored.of(
                "chosi:1",
                "r1",
                0.97,
                true,
                List.of("counterfeit"),
                List.of(new BrandHit("louis-vuitton", "LV", "title", "alias")),
                List.of(
                    new Signal("counterfeit.admission", 2.0, "counterfeit", "title", "rep 1:1")))));
    store.save(
        new ScoredListing(
            listing(
                "chosi:2",
                "Thuốc lá điện tử pod",
                "https://chosi.example/p/2",
                hanoi,
                150_000,
                null),
            Scored.of(
                "chosi:2",
                "r1",
                0.9,
                true,
                List.of("prohibited"),
                List.of(),
                List.of(
                    new Signal(
                        "prohibited.ecig", 2.0, "prohibited", "title", "thuốc lá điện tử")))));
    store.save(
        new ScoredListing(
            listing(
                "chosi:3", "Áo thun trơn cotton", "https://chosi.example/p/3", hanoi, 99_000, null),
            Scored.of("chosi:3", "r1", 0.05, false, List.of(), List.of(), List.of())));
    store.save(
        new ScoredListing(
            listing(
                "chosi:4",
                "Nước hoa Chanel No5 auth",
                "https://chosi.example/p/4",
                saigon,
                900_000,
                List.of(new Contact("bank_account", "VCB 001122334455"))),
            Scored.of("chosi:4", "r1", 0.8, true, List.of("counterfeit"), List.of(), List.of())));
    store.save(
        new ScoredListing(
            listing(
                "chosi:5",
                "=HYPERLINK(\"http://evil.example\")",
                "https://chosi.example/p/5",
                twin,
                50_000,
                // the same account as chosi:4's (another shop, another province): SellerPageTest
                List.of(new Contact("bank_account", "Vietcombank 0011 2233 4455"))),
            Scored.of("chosi:5", "r1", 0.6, true, List.of("misleading"), List.of(), List.of())));
    // decided by ReviewTest only (the browser test decides chosi:2)
    store.save(
        new ScoredListing(
            listing(
                "chosi:6",
                "Sữa bột Vinamilk hàng trôi nổi",
                "https://chosi.example/p/6",
                hanoi,
                300_000,
                null),
            Scored.of("chosi:6", "r1", 0.55, true, List.of("substandard"), List.of(), List.of())));
    // two later observations of chosi:1: the price history has three points
    store.save(
        new ScoredListing(
            listing(
                "chosi:1",
                "Túi <script>alert(1)</script> LV rep 1:1",
                "javascript:alert(1)",
                hanoi,
                420_000,
                List.of(new Contact("zalo", "0912345678")),
                "2026-11-08T07:00:00Z"),
            Scored.of(
                "chosi:1",
                "r1",
                0.97,
                true,
                List.of("counterfeit"),
                List.of(new BrandHit("louis-vuitton", "LV", "title", "alias")),
                List.of(
                    new Signal("counterfeit.admission", 2.0, "counterfeit", "title", "rep 1:1")))));
    store.save(
        new ScoredListing(
            listing(
                "chosi:1",
                "Túi <script>alert(1)</script> LV rep 1:1",
                "javascript:alert(1)",
                hanoi,
                390_000,
                List.of(new Contact("zalo", "0912345678")),
                "2026-11-15T07:00:00Z"),
            Scored.of(
                "chosi:1",
                "r1",
                0.97,
                true,
                List.of("counterfeit"),
                List.of(new BrandHit("louis-vuitton", "LV", "title", "alias")),
                List.of(
                    new Signal("counterfeit.admission", 2.0, "counterfeit", "title", "rep 1:1")))));
    UserStore users = new UserStore(db.dataSource());
    users.add(
        new NewUser("analyst", "Analyst", null, null, Set.of(Role.ANALYST)),
        PASSWORD,
        false,
        "test");
    users.add(
        new NewUser("hanoi", "Hà Nội analyst", null, "ha-noi", Set.of(Role.ANALYST)),
        PASSWORD,
        false,
        "test");
    users.add(
        new NewUser("saigon", "HCM analyst", null, "ho-chi-minh", Set.of(Role.ANALYST)),
        PASSWORD,
        false,
        "test");
    users.add(
        new NewUser("boss", "Supervisor", null, null, Set.of(Role.SUPERVISOR, Role.ANALYST)),
        PASSWORD,
        false,
        "test");
    users.add(
        new NewUser("operator", "Operator", null, null, Set.of(Role.OPERATOR)),
        PASSWORD,
        false,
        "test");
    users.add(
        new NewUser("admin", "Admin", null, null, Set.of(Role.ADMIN)), PASSWORD, false, "test");
    // a brand owner's staff (origin pages only); its brands are granted by OriginPagesTest
    users.add(
        new NewUser("vinamilk-staff", "Vinamilk", null, null, Set.of(Role.BRAND_OWNER)),
        PASSWORD,
        false,
        "test");
    users.add(
        new NewUser("victim", "Lockout test", null, null, Set.of(Role.ANALYST)),
        PASSWORD,
        false,
        "test");
  }

  static Listing listing(
      String id, String title, String url, Seller seller, long price, List<Contact> contacts) {
    return listing(id, title, url, seller, price, contacts, "2026-11-01T07:00:00Z");
  }

  static Listing listing(
      String id,
      String title,
      String url,
      Seller seller,
      long price,
      List<Contact> contacts,
      String observedAt) {
    return Listing.builder(id, "chosi", url, observedAt)
        .title(title)
        .text("Mô tả")
        .price(Money.vnd(price))
        .seller(seller)
        .contacts(contacts)
        .build();
  }

  @Autowired protected Environment env;

  /** A browser-like client: its own cookie jar, no redirects followed. */
  protected final class Client {
    public final HttpClient http =
        HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    public Client() {}

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(base(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(base(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String form)
        throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(base(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token of the page at {@code pagePath}. */
    public HttpResponse<String> postFrom(String pagePath, String action, String form)
        throws IOException, InterruptedException {
      return post(action, form + "&_csrf=" + enc(csrf(get(pagePath).body())));
    }

    public HttpResponse<String> login(String user, String password)
        throws IOException, InterruptedException {
      return post(
          "/login",
          "username="
              + enc(user)
              + "&password="
              + enc(password)
              + "&_csrf="
              + enc(csrf(get("/login").body())));
    }

    public Client signedIn(String user) throws IOException, InterruptedException {
      HttpResponse<String> r = login(user, PASSWORD);
      assertThat(r.headers().firstValue("Location"))
          .as("login of " + user)
          .hasValueSatisfying(l -> assertThat(l).endsWith("/queue"));
      return this;
    }
  }

  protected static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("the page carries a CSRF token").isTrue();
    return m.group(1);
  }

  protected URI base(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  protected int port() {
    return Integer.parseInt(env.getProperty("local.server.port"));
  }

  protected static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One value of an SQL query with one parameter, as text. */
  protected static List<String> column(String sql, Object... params) throws Exception {
    try (Database db = Database.openWithoutMigrating(settings);
        Connection c = db.connection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<String> out = new java.util.ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }
}
