package org.markwatch.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;

class ReviewTest extends PortalTestSupport {

  @Test
  void aConfirmedListingLeavesTheQueueWithADecisionAndAnAuditRow() throws Exception {
    Client c = new Client().signedIn("analyst");
    assertThat(c.get("/queue").body()).contains("Sữa bột Vinamilk");
    HttpResponse<String> r =
        c.postFrom(
            "/listing?id=chosi:6",
            "/review/decide",
            "listingId=chosi:6&decision=confirmed&reason=unlicensed_product&note="
                + enc("sữa không rõ nguồn gốc")
                + "&back="
                + enc("/queue"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/queue"));
    assertThat(c.get("/queue").body()).doesNotContain("Sữa bột Vinamilk");
    assertThat(c.get("/queue?state=confirmed").body()).contains("Sữa bột Vinamilk");
    assertThat(column("SELECT state FROM reviews WHERE listing_id = 'chosi:6'"))
        .containsExactly("confirmed");
    assertThat(
            column(
                "SELECT decided_by || ' ' || reason_code || ' ' || note FROM decisions WHERE listing_id = 'chosi:6'"))
        .containsExactly("analyst unlicensed_product sữa không rõ nguồn gốc");
    assertThat(
            column("SELECT actor FROM audit_log WHERE action = 'decision' AND subject = 'chosi:6'"))
        .containsExactly("analyst");
    String listing = c.get("/listing?id=chosi:6").body();
    assertThat(listing).contains("Đã xác nhận").contains("sữa không rõ nguồn gốc");
  }

  @Test
  void aReasonOfAnotherOutcomeOrAnUnknownDecisionIsRefused() throws Exception {
    Client c = new Client().signedIn("analyst");
    HttpResponse<String> wrongReason =
        c.postFrom(
            "/queue",
            "/review/decide",
            "listingId=chosi:1&decision=confirmed&reason=genuine_product");
    assertThat(wrongReason.statusCode()).isEqualTo(400);
    assertThat(wrongReason.body()).contains("genuine_product");
    assertThat(
            c.postFrom(
                    "/queue",
                    "/review/decide",
                    "listingId=chosi:1&decision=actioned&reason=action_taken")
                .statusCode())
        .isEqualTo(400);
    assertThat(column("SELECT COUNT(*) FROM decisions WHERE listing_id = 'chosi:1'"))
        .containsExactly("0");
  }

  @Test
  void anOffSiteBackLinkIsIgnored() throws Exception {
    Client c = new Client().signedIn("boss");
    HttpResponse<String> r =
        c.postFrom(
            "/queue", "/review/claim", "listingId=chosi:1&back=" + enc("https://evil.example/"));
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/queue").doesNotContain("evil"));
  }

  @Test
  void assignToMeFillsMyQueueAndTheSupervisorSeesWhoHasWhat() throws Exception {
    Client c = new Client().signedIn("saigon");
    assertThat(c.get("/mine").body()).doesNotContain("Nước hoa Chanel");
    c.postFrom("/listing?id=chosi:4", "/review/claim", "listingId=chosi:4&back=" + enc("/mine"));
    assertThat(c.get("/mine").body()).contains("Nước hoa Chanel");
    assertThat(column("SELECT assignee FROM reviews WHERE listing_id = 'chosi:4'"))
        .containsExactly("saigon");
    assertThat(
            column(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'assignment' AND subject = 'chosi:4'"))
        .containsExactly("1");
    String team = new Client().signedIn("boss").get("/team").body();
    assertThat(team).contains("saigon");
  }

  @Test
  void bulkDecisionsOnASelection() throws Exception {
    Client c = new Client().signedIn("boss");
    HttpResponse<String> r =
        c.postFrom(
            "/queue",
            "/review/bulk",
            "ids=chosi:5&ids=nope&decision=dismissed&reason=insufficient_evidence&note=bulk&back="
                + enc("/queue"));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(column("SELECT state FROM reviews WHERE listing_id = 'chosi:5'"))
        .containsExactly("dismissed");
    // an unknown id is refused on its own, the rest goes through
    String page = c.get("/queue").body();
    assertThat(page).contains("Đã ghi 1 quyết định").contains("nope: ").doesNotContain("HYPERLINK");
    assertThat(column("SELECT COUNT(*) FROM decisions WHERE listing_id = 'nope'"))
        .containsExactly("0");
  }
}
