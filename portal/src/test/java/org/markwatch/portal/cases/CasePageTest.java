package org.markwatch.portal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;

class CasePageTest extends PortalTestSupport {

  @Test
  void anAnalystOpensACaseFromAListingAndSeesItsListingsAndSellers() throws Exception {
    Client c = new Client().signedIn("analyst");
    HttpResponse<String> created =
        c.postFrom(
            "/listing?id=chosi:1",
            "/case/new",
            "listingId=chosi:1&title=" + enc("Túi LV giả <b>Hà Nội</b>"));
    assertThat(created.statusCode()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/case?id=CASE-");
    String page = c.get(location.substring(location.indexOf("/case?"))).body();
    assertThat(page)
        .contains("chosi:1")
        .contains("chosi:shop:7")
        .contains("Túi LV giả &lt;b&gt;Hà Nội&lt;/b&gt;");
    assertThat(c.get("/cases").body()).contains("Túi LV giả &lt;b&gt;");
    assertThat(
            column(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'case_created' AND actor = 'analyst'"))
        .first()
        .satisfies(n -> assertThat(Integer.parseInt(n)).isPositive());
  }

  @Test
  void aProvincialUserCannotPutAnotherProvincesListingInACase() throws Exception {
    Client hanoi = new Client().signedIn("hanoi");
    HttpResponse<String> r = hanoi.postFrom("/cases", "/case/new", "listingId=chosi:4&title=x");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(column("SELECT COUNT(*) FROM case_listings WHERE listing_id = 'chosi:4'"))
        .containsExactly("0");
    assertThat(column("SELECT COUNT(*) FROM cases WHERE created_by = 'hanoi'"))
        .containsExactly("0");
  }

  @Test
  void anAnalystRecordsAndMovesOnAReferralFromTheCasePageAudited() throws Exception {
    Client c = new Client().signedIn("analyst");
    String location =
        c.postFrom("/listing?id=chosi:5", "/case/new", "listingId=chosi:5&title=" + enc("Ví giả"))
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String casePath = location.substring(location.indexOf("/case?"));
    String caseId =
        java.net.URLDecoder.decode(
            casePath.substring("/case?id=".length()), java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> added =
        c.postFrom(
            casePath,
            "/case/action",
            "caseId="
                + enc(caseId)
                + "&kind=referral&target=state_bank&status=planned&referenceNo="
                + enc("CV-9/QLTT")
                + "&amountVnd=&note="
                + enc("tài khoản <b>VCB</b>")
                + "&dueDate=2026-12-31");
    assertThat(added.statusCode()).isEqualTo(302);
    String page = c.get(casePath).body();
    assertThat(page)
        .contains("state_bank")
        .contains("CV-9/QLTT")
        .contains("tài khoản &lt;b&gt;VCB&lt;/b&gt;")
        .contains("31/12/2026");
    String key = column("SELECT action_key FROM case_actions WHERE case_id = ?", caseId).get(0);
    assertThat(
            c.postFrom(
                    casePath,
                    "/case/action/update",
                    "caseId=" + enc(caseId) + "&actionKey=" + enc(key) + "&status=done")
                .statusCode())
        .isEqualTo(302);
    assertThat(
            column(
                "SELECT status, sent_at IS NOT NULL, closed_at IS NOT NULL FROM case_actions"
                    + " WHERE action_key = ?",
                key))
        .containsExactly("done");
    assertThat(
            column(
                "SELECT COUNT(*) FROM case_actions WHERE action_key = ? AND closed_at IS NOT NULL",
                key))
        .containsExactly("1");
    assertThat(column("SELECT status FROM cases WHERE id = ?", caseId)).containsExactly("referred");
    assertThat(
            column(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'case_action' AND subject = ?",
                caseId))
        .containsExactly("2");
    // a bad status is refused with the error page, and nothing changes
    assertThat(
            c.postFrom(
                    casePath,
                    "/case/action/update",
                    "caseId=" + enc(caseId) + "&actionKey=" + enc(key) + "&status=lost")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aProvincialUserCannotRecordAnActionOnAnotherProvincesCase() throws Exception {
    Client saigon = new Client().signedIn("saigon");
    String location =
        saigon
            .postFrom("/cases", "/case/new", "title=" + enc("Vụ việc TP.HCM"))
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String caseId =
        java.net.URLDecoder.decode(
            location.substring(location.indexOf("id=") + 3),
            java.nio.charset.StandardCharsets.UTF_8);
    Client hanoi = new Client().signedIn("hanoi");
    HttpResponse<String> r =
        hanoi.postFrom(
            "/cases",
            "/case/action",
            "caseId=" + enc(caseId) + "&kind=fine&target=chosi&status=done&amountVnd=5000000");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(column("SELECT province_code FROM cases WHERE id = ?", caseId))
        .containsExactly("ho-chi-minh");
    assertThat(column("SELECT COUNT(*) FROM case_actions WHERE case_id = ?", caseId))
        .containsExactly("0");
  }
}
