package org.markwatch.portal.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.markwatch.portal.PortalTestSupport;
import org.markwatch.storage.Database;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.origin.OriginStore;
import org.markwatch.storage.publicsite.PublicRegistry;

/**
 * The public site over real HTTP, without signing in: published violators only, searchable by name,
 * phone and link; the trust check with reasons; a tip with hostile attachments (a script in the
 * text, an SVG with a script, a zip bomb) is stored, the bomb refused, nothing rendered active; a
 * 50 MB upload refused before it is read; CSRF, the honeypot and the rate limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicSiteTest extends PortalTestSupport {
  static boolean ready;

  @BeforeEach
  void data() throws Exception {
    if (ready) {
      return;
    }
    try (Database db = Database.openWithoutMigrating(settings)) {
      CaseStore cases = new CaseStore(db.dataSource());
      Jurisdiction boss = Jurisdiction.national("boss");
      // the same violators as AgencyApiTest (idempotent), so the classes run in any order
      cases.confirmViolator(
          boss, "chosi:shop:7", "101/QĐ-XPHC", "Nghị định 98/2020/NĐ-CP Điều 11", null, true, null);
      cases.confirmViolator(
          boss, "chosi:shop:9", "202/QĐ-XPHC", "Nghị định 98/2020/NĐ-CP Điều 9", null, true, null);
      new PublicRegistry(db.dataSource())
          .publishWarning(
              "Sữa bột giả bán qua mạng xã hội",
              "Không mua sữa bột không rõ nguồn gốc.",
              "sua bot, dielac",
              "boss");
      OriginStore origin = new OriginStore(db.dataSource());
      origin.registerProduct("dielac-900", "vinamilk", "Sữa bột Dielac 900g", "Vinamilk", "boss");
      origin.addGtin("dielac-900", "8934673123457", "boss");
      origin.addSerialRange("dielac-900", "VNM-", 1000, 1999, "boss");
    }
    ready = true;
  }

  @Test
  @Order(1)
  void publishedViolatorsAreSearchableWithoutSigningIn() throws Exception {
    Visitor visitor = new Visitor();
    HttpResponse<String> home = visitor.get("/cong-khai");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(home.body()).contains("lang=\"vi\"").contains("Người bán vi phạm");
    assertThat(home.body())
        .contains("Shop Hoa Mai &lt;script&gt;alert(2)&lt;/script&gt;")
        .doesNotContain("<script>alert(2)")
        .contains("101/QĐ-XPHC")
        .contains("Sữa bột giả bán qua mạng xã hội");
    assertThat(visitor.get("/cong-khai?q=" + enc("+84 912 345 678")).body())
        .contains("101/QĐ-XPHC")
        .doesNotContain("202/QĐ-XPHC");
    assertThat(visitor.get("/cong-khai?q=" + enc("shop sai gon")).body())
        .contains("202/QĐ-XPHC")
        .doesNotContain("101/QĐ-XPHC");
    assertThat(visitor.get("/cong-khai?q=" + enc("https://chosi.example/p/2")).body())
        .contains("101/QĐ-XPHC");
    // not published: the twin shop was never confirmed, its phone finds no violator
    assertThat(visitor.get("/cong-khai?q=" + enc("Shop Hoa Đào")).body()).doesNotContain("XPHC");
    assertThat(visitor.get("/cong-khai?lang=en").body()).contains("Published violators");
    // the analysts' pages are still behind the login
    assertThat(new Visitor().get("/queue").statusCode()).isEqualTo(302);
  }

  @Test
  @Order(2)
  void checkingAShopGivesARatingWithReasons() throws Exception {
    Visitor visitor = new Visitor();
    String danger = visitor.get("/cong-khai/kiem-tra?q=" + enc("https://chosi.example/p/2")).body();
    assertThat(danger).contains("rating-danger").contains("101/QĐ-XPHC").contains("tin đăng");
    String unknown =
        visitor.get("/cong-khai/kiem-tra?q=" + enc("https://never-seen.example/p/1")).body();
    assertThat(unknown).contains("rating-unknown").contains("chưa ghi nhận");
  }

  @Test
  @Order(3)
  void aTipWithHostileAttachmentsIsStoredAndNothingIsActive() throws Exception {
    Visitor visitor = new Visitor();
    String form = visitor.get("/cong-khai/to-giac").body();
    String token = csrf(form);
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert('svg')</script><text>LV giá rẻ</text></svg>"
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> sent =
        multipart(
            visitor,
            Map.of(
                "_csrf", token,
                "kind", "tip",
                "url", "https://shop.example/p/77",
                "description", "<script>alert('tip')</script> túi LV giá 300k",
                "website", ""),
            List.of(
                new Part("anh.svg", "image/svg+xml", svg),
                new Part("bomb.zip", "application/zip", zipBomb())));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/cong-khai/theo-doi?ma=");
    String code = location.replaceAll(".*ma=([A-Z0-9-]+).*", "$1");
    String status = visitor.get("/cong-khai/theo-doi?ma=" + code).body();
    assertThat(status)
        .contains(code)
        .contains("&lt;script&gt;alert(&#39;tip&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert(")
        .contains("image/svg+xml")
        .contains("suspected zip bomb");
    assertThat(column("SELECT status FROM tips WHERE tracking_code = ?", code))
        .containsExactly("received");
    assertThat(
            column(
                "SELECT outcome FROM tip_attachments a JOIN tips t ON t.id = a.tip_id"
                    + " WHERE t.tracking_code = ? ORDER BY seq",
                code))
        .containsExactly("parsed", "refused");
    assertThat(
            column(
                    "SELECT extracted_text FROM tip_attachments a JOIN tips t ON t.id = a.tip_id"
                        + " WHERE t.tracking_code = ? AND seq = 1",
                    code)
                .get(0))
        .contains("LV giá rẻ");
    // the code is read however it is typed
    assertThat(
            visitor
                .get("/cong-khai/theo-doi?ma=" + enc(code.toLowerCase().replace("-", " ")))
                .body())
        .contains("tracking-code");
    assertThat(visitor.get("/cong-khai/theo-doi?ma=ZZZZZ-ZZZZZ").body()).contains("Không tìm thấy");
  }

  @Test
  @Order(4)
  void aFormWithoutItsCsrfTokenOrWithTheHoneypotFilledStoresNothing() throws Exception {
    String before = column("SELECT COUNT(*) FROM tips").get(0);
    Visitor visitor = new Visitor();
    HttpResponse<String> noToken =
        multipart(visitor, Map.of("url", "https://shop.example/x"), List.of());
    assertThat(noToken.statusCode()).isEqualTo(403);
    String token = csrf(visitor.get("/cong-khai/to-giac").body());
    HttpResponse<String> robot =
        multipart(
            visitor,
            Map.of(
                "_csrf", token, "url", "https://shop.example/x", "website", "http://spam.example"),
            List.of());
    assertThat(robot.statusCode()).isEqualTo(200);
    assertThat(robot.body()).contains("Cảm ơn");
    assertThat(column("SELECT COUNT(*) FROM tips").get(0)).isEqualTo(before);
    HttpResponse<String> badUrl =
        multipart(visitor, Map.of("_csrf", token, "url", "javascript:alert(1)"), List.of());
    assertThat(badUrl.body()).contains("http://");
    assertThat(column("SELECT COUNT(*) FROM tips").get(0)).isEqualTo(before);
  }

  @Test
  @Order(5)
  void aFiftyMegabyteUploadIsRefusedBeforeItIsRead() throws Exception {
    Visitor visitor = new Visitor();
    String token = csrf(visitor.get("/cong-khai/to-giac").body());
    byte[] big = new byte[50 * 1024 * 1024];
    long start = System.nanoTime();
    int status;
    try {
      status =
          multipart(
                  visitor,
                  Map.of("_csrf", token, "url", "https://shop.example/big"),
                  List.of(new Part("big.jpg", "image/jpeg", big)))
              .statusCode();
    } catch (IOException e) {
      // the server answered 413 and closed the connection while the client was still sending
      status = 413;
    }
    assertThat(status).isEqualTo(413);
    assertThat(column("SELECT COUNT(*) FROM tips WHERE url = 'https://shop.example/big'").get(0))
        .isEqualTo("0");
  }

  @Test
  @Order(6)
  void aProductCodeIsVerified() throws Exception {
    Visitor visitor = new Visitor();
    assertThat(visitor.get("/cong-khai/xac-minh?ma=8934673123457").body())
        .contains("rating-trusted")
        .contains("Sữa bột Dielac 900g");
    assertThat(visitor.get("/cong-khai/xac-minh?ma=" + enc("vnm-1500")).body())
        .contains("rating-trusted");
    assertThat(visitor.get("/cong-khai/xac-minh?ma=" + enc("VNM-2500")).body())
        .contains("rating-unknown");
    assertThat(visitor.get("/cong-khai/xac-minh?ma=8934673123458").body())
        .contains("rating-danger");
  }

  @Test
  @Order(7)
  void consumerWarningsAreSearchableByTextAndByTheViolatorsTheyName() throws Exception {
    long id;
    try (Database db = Database.openWithoutMigrating(settings)) {
      var store = new org.markwatch.storage.publicsite.WarningStore(db.dataSource());
      id =
          store.save(
              null,
              new org.markwatch.storage.publicsite.WarningDraft(
                  "Nước hoa giả bán qua tin nhắn",
                  "Nước hoa giá rẻ bất thường.",
                  "nước hoa",
                  "Chanel",
                  "Không tem chống giả",
                  null,
                  List.of("chosi:shop:9")),
              "boss");
      store.publish(id, "boss");
    }
    Visitor visitor = new Visitor();
    // by the text, accents ignored; the milk warning is not among the hits
    assertThat(visitor.get("/cong-khai/canh-bao?q=" + enc("nuoc hoa")).body())
        .contains("/cong-khai/canh-bao/" + id + "\"")
        .doesNotContain("Sữa bột giả");
    // by the named violator's phone, however written, and by its shop's name
    assertThat(visitor.get("/cong-khai/canh-bao?q=" + enc("+84 987 000 111")).body())
        .contains("/cong-khai/canh-bao/" + id + "\"");
    assertThat(visitor.get("/cong-khai/canh-bao?q=" + enc("shop sai gon")).body())
        .contains("Nước hoa giả bán qua tin nhắn")
        .contains("Shop Sài Gòn");
    assertThat(visitor.get("/cong-khai/canh-bao?q=" + enc("xe máy điện")).body())
        .contains("Không có cảnh báo nào phù hợp với nội dung tìm kiếm.");
    assertThat(visitor.get("/cong-khai/canh-bao/999999").statusCode()).isEqualTo(404);
    assertThat(visitor.get("/cong-khai/canh-bao/abc").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(8)
  void lookupsAreRateLimitedPerAddress() throws Exception {
    Visitor visitor = new Visitor();
    int refused = 0;
    for (int i = 0; i < 70 && refused == 0; i++) {
      HttpResponse<String> r = visitor.get("/cong-khai/xac-minh?ma=" + (1000 + i));
      if (r.statusCode() == 429) {
        refused++;
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).contains("Quá nhiều yêu cầu");
      }
    }
    assertThat(refused).isEqualTo(1);
  }

  record Part(String name, String type, byte[] bytes) {}

  private HttpResponse<String> multipart(
      Visitor client, Map<String, String> fields, List<Part> files)
      throws IOException, InterruptedException {
    String boundary = "----mw" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + f.getKey()
                  + "\"\r\n\r\n"
                  + f.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (Part p : files) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                  + p.name()
                  + "\"\r\nContent-Type: "
                  + p.type()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(p.bytes());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.http.send(
        HttpRequest.newBuilder(base("/cong-khai/to-giac"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** 30 MB of one letter in a zip of about 30 KB. */
  static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      byte[] block = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 30; i++) {
        zip.write(block);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** A browser-like visitor: its own cookie jar (the CSRF token lives in its session). */
  final class Visitor {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(base(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
