package org.markwatch.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;

class SecurityTest extends PortalTestSupport {

  @Test
  void everyPageNeedsALoginAndCarriesAStrictCspAndSecurityHeaders() throws Exception {
    Client c = new Client();
    for (String path :
        new String[] {
          "/queue",
          "/mine",
          "/listing?id=chosi:1",
          "/seller?id=chosi:shop:7",
          "/team",
          "/queue/export.csv"
        }) {
      HttpResponse<String> r = c.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(302);
      assertThat(r.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
    HttpResponse<String> login = c.get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("script-src 'self'")
                    .contains("default-src 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval"));
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(login.headers().firstValue("Permissions-Policy")).isPresent();
    assertThat(login.body())
        .as("Vietnamese by default")
        .contains("Đăng nhập")
        .contains("lang=\"vi\"");
  }

  @Test
  void aLoginWithoutTheCsrfTokenIsRefused() throws Exception {
    Client c = new Client();
    HttpResponse<String> r = c.post("/login", "username=analyst&password=" + enc(PASSWORD));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(c.get("/queue").statusCode()).as("still signed out").isEqualTo(302);
  }

  @Test
  void aDecisionWithoutTheCsrfTokenIsRefused() throws Exception {
    Client c = new Client().signedIn("analyst");
    HttpResponse<String> r =
        c.post(
            "/review/decide",
            "listingId=chosi:2&decision=confirmed&reason=prohibited_product&note=x");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(column("SELECT COUNT(*) FROM decisions WHERE listing_id = 'chosi:2' AND note = 'x'"))
        .containsExactly("0");
  }

  @Test
  void wrongPasswordIsRefusedAndAudited() throws Exception {
    Client c = new Client();
    assertThat(c.login("analyst", "wrong").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
    assertThat(
            column(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND subject = 'analyst'"))
        .first()
        .satisfies(n -> assertThat(Integer.parseInt(n)).isPositive());
  }

  @Test
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
    Client c = new Client();
    for (int i = 0; i < 5; i++) {
      c.login("victim", "guess-" + i);
    }
    HttpResponse<String> right = c.login("victim", PASSWORD);
    assertThat(right.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
    assertThat(c.get("/login?error").body()).contains("Tạm khóa");
    assertThat(c.get("/queue").statusCode()).isEqualTo(302);
    assertThat(
            column(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND subject = 'victim'"))
        .containsExactly("6");
  }

  @Test
  void rolesGuardRoutes() throws Exception {
    Client analyst = new Client().signedIn("analyst");
    assertThat(analyst.get("/team").statusCode()).as("an analyst is no supervisor").isEqualTo(403);
    assertThat(analyst.get("/team").body()).contains("Lỗi 403").doesNotContain("Whitelabel");
    assertThat(analyst.get("/actuator/env").statusCode())
        .as("unlisted routes are denied")
        .isIn(403, 404);
    assertThat(new Client().signedIn("boss").get("/team").statusCode()).isEqualTo(200);
  }

  @Test
  void errorsHaveOnePageStyleNeverWhitelabelOrTomcat() throws Exception {
    Client c = new Client().signedIn("analyst");
    HttpResponse<String> missing = c.get("/listing?id=nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .contains("Lỗi 404")
        .contains("portal.css")
        .doesNotContain("Whitelabel");
    HttpResponse<String> bad = c.get("/queue?violation=bogus");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Lỗi 400").contains("bogus");
    HttpResponse<String> noId = c.get("/listing");
    assertThat(noId.statusCode()).isEqualTo(400);
    assertThat(noId.body()).contains("Lỗi 400");

    // a request Tomcat itself refuses before Spring sees it
    String raw =
        rawRequest("GET /queue?x=%%% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(raw).startsWith("HTTP/1.1 400");
    assertThat(raw).contains("Lỗi 400").doesNotContain("Apache Tomcat").doesNotContain("Exception");
  }

  private String rawRequest(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port())) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
