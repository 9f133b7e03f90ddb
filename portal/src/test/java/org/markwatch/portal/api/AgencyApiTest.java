package org.markwatch.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;
import org.markwatch.storage.Database;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.users.ApiClientStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agencies' API over real HTTP: every response is checked against the OpenAPI document the
 * portal serves at /api/v1/openapi.json. A national client with violators:read reads every
 * confirmed violator page by page; a Hà Nội client only Hà Nội's; a client without the scope gets a
 * 403 problem; no token or a wrong one a 401 problem; ETags answer 304; tips go in with tips:write;
 * every use of a token is in the audit log.
 */
class AgencyApiTest extends PortalTestSupport {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String national;
  static String hanoi;
  static String casesOnly;
  static String tipper;
  static OpenApiContract contract;

  @BeforeEach
  void data() throws Exception {
    if (national != null) {
      return;
    }
    try (Database db = Database.openWithoutMigrating(settings)) {
      CaseStore cases = new CaseStore(db.dataSource());
      Jurisdiction boss = Jurisdiction.national("boss");
      cases.create(boss, "API-2026-0001", "Túi LV giả, Hà Nội", "ha-noi", null, "ring of shops");
      cases.addListings(boss, "API-2026-0001", List.of("chosi:1"));
      cases.confirmViolator(
          boss,
          "chosi:shop:7",
          "101/QĐ-XPHC",
          "Nghị định 98/2020/NĐ-CP Điều 11",
          "API-2026-0001",
          true,
          null);
      cases.confirmViolator(
          boss, "chosi:shop:9", "202/QĐ-XPHC", "Nghị định 98/2020/NĐ-CP Điều 9", null, true, null);
      ApiClientStore clients = new ApiClientStore(db.dataSource());
      national =
          clients
              .create(
                  "mps-national",
                  "Bộ Công an",
                  null,
                  null,
                  Set.of("violators:read", "listings:read"),
                  null,
                  "test")
              .token();
      hanoi =
          clients
              .create(
                  "qltt-hanoi",
                  "QLTT Hà Nội",
                  null,
                  "ha-noi",
                  Set.of("violators:read", "cases:read"),
                  null,
                  "test")
              .token();
      casesOnly =
          clients
              .create("tax-cases", "Tổng cục Thuế", null, null, Set.of("cases:read"), null, "test")
              .token();
      tipper =
          clients
              .create("hotline", "Đường dây nóng", null, null, Set.of("tips:write"), null, "test")
              .token();
    }
    HttpResponse<String> doc = get("/api/v1/openapi.json", null, null);
    assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
    contract = new OpenApiContract(doc.body());
  }

  @Test
  void theDocumentDescribesEveryOperationWithItsScopeAndProblems() {
    JsonNode paths = contract.document().get("paths");
    assertThat(paths.propertyNames())
        .contains("/api/v1/violators", "/api/v1/cases", "/api/v1/listings", "/api/v1/tips");
    assertThat(
            paths
                .path("/api/v1/violators")
                .path("get")
                .path("responses")
                .path("403")
                .path("content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(
            contract
                .document()
                .path("components")
                .path("securitySchemes")
                .path("bearer")
                .path("scheme")
                .asString())
        .isEqualTo("bearer");
  }

  @Test
  void aNationalClientReadsEveryViolatorPageByPage() throws Exception {
    List<String> sellers = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r =
          get(
              "/api/v1/violators?limit=1" + (cursor == null ? "" : "&since=" + cursor),
              national,
              null);
      valid("GET", "/api/v1/violators", r, 200);
      JsonNode page = JsonMapper.builder().build().readTree(r.body());
      page.get("items").forEach(v -> sellers.add(v.get("sellerId").asString()));
      cursor = page.get("nextCursor").asString();
      if (!page.get("more").asBoolean()) {
        break;
      }
    }
    // other test classes may add violators to the shared database: each appears exactly once
    assertThat(sellers).contains("chosi:shop:7", "chosi:shop:9").doesNotHaveDuplicates();
    HttpResponse<String> after = get("/api/v1/violators?since=" + cursor, national, null);
    valid("GET", "/api/v1/violators", after, 200);
    assertThat(after.body()).contains("\"items\":[]");
  }

  @Test
  void aProvincialClientSeesOnlyItsProvince() throws Exception {
    HttpResponse<String> r = get("/api/v1/violators", hanoi, null);
    valid("GET", "/api/v1/violators", r, 200);
    assertThat(r.body()).contains("chosi:shop:7").doesNotContain("chosi:shop:9");
    HttpResponse<String> cases = get("/api/v1/cases", hanoi, null);
    valid("GET", "/api/v1/cases", cases, 200);
    assertThat(cases.body()).contains("API-2026-0001").contains("chosi:1");
  }

  @Test
  void theWrongScopeIsRefusedWithAProblem() throws Exception {
    HttpResponse<String> r = get("/api/v1/violators", casesOnly, null);
    valid("GET", "/api/v1/violators", r, 403);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body()).contains("\"status\":403").contains("scopes");
    HttpResponse<String> listings = get("/api/v1/listings", hanoi, null);
    valid("GET", "/api/v1/listings", listings, 403);
    HttpResponse<String> unknownRoute = get("/api/v1/users", national, null);
    assertThat(unknownRoute.statusCode()).isEqualTo(403);
  }

  @Test
  void noTokenOrAWrongOneIsUnauthorised() throws Exception {
    HttpResponse<String> none = get("/api/v1/violators", null, null);
    valid("GET", "/api/v1/violators", none, 401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    HttpResponse<String> wrong = get("/api/v1/violators", "mw_not-a-token", null);
    valid("GET", "/api/v1/violators", wrong, 401);
    HttpResponse<String> badCursor = get("/api/v1/violators?since=%21%21", national, null);
    valid("GET", "/api/v1/violators", badCursor, 400);
    assertThat(badCursor.body()).contains("since");
    HttpResponse<String> badLimit = get("/api/v1/violators?limit=100000", national, null);
    valid("GET", "/api/v1/violators", badLimit, 400);
  }

  @Test
  void anUnchangedPageIsNotModified() throws Exception {
    HttpResponse<String> first = get("/api/v1/listings?limit=3", national, null);
    valid("GET", "/api/v1/listings", first, 200);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/api/v1/listings?limit=3", national, etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(first.body()).contains("\"flagged\":true").contains("chosi:2");
  }

  @Test
  void anAgencyPassesOnATip() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(base("/api/v1/tips"))
                .header("Authorization", "Bearer " + tipper)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"url\":\"https://shop.example/p/9\",\"description\":\"<script>alert(1)</script> hàng giả\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    valid("POST", "/api/v1/tips", r, 201);
    String code = JsonMapper.builder().build().readTree(r.body()).get("trackingCode").asString();
    assertThat(column("SELECT source FROM tips WHERE tracking_code = ?", code))
        .containsExactly("api:hotline");
    HttpResponse<String> status = get("/api/v1/tips/" + code, tipper, null);
    valid("GET", "/api/v1/tips/{trackingCode}", status, 200);
    HttpResponse<String> bad =
        HTTP.send(
            HttpRequest.newBuilder(base("/api/v1/tips"))
                .header("Authorization", "Bearer " + tipper)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"javascript:alert(1)\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    valid("POST", "/api/v1/tips", bad, 400);
    HttpResponse<String> readOnly =
        HTTP.send(
            HttpRequest.newBuilder(base("/api/v1/tips"))
                .header("Authorization", "Bearer " + national)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://shop.example/p/1\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    valid("POST", "/api/v1/tips", readOnly, 403);
  }

  @Test
  void everyUseOfATokenIsAudited() throws Exception {
    get("/api/v1/violators", national, null);
    List<String> rows =
        column(
            "SELECT subject FROM audit_log WHERE action = 'api_request' AND actor = ?",
            "api:mps-national");
    assertThat(rows).contains("GET /api/v1/violators");
    assertThat(column("SELECT last_used_at FROM api_clients WHERE id = 'mps-national'").get(0))
        .isNotNull();
  }

  private void valid(String method, String template, HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(method + " " + template + ": " + r.body()).isEqualTo(status);
    assertThat(contract.check(method, template, r))
        .as(method + " " + template + " " + status + ": " + r.body())
        .isEmpty();
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  private HttpResponse<String> get(String path, String token, String ifNoneMatch) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base(path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Instant now() {
    return Instant.now();
  }
}
