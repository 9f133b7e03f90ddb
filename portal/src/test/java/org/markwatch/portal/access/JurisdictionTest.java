package org.markwatch.portal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;

/** A Hà Nội user never reaches a Hồ Chí Minh listing: not by page, search, export or action. */
class JurisdictionTest extends PortalTestSupport {

  @Test
  void aProvincialUserSeesOnlyTheirProvince() throws Exception {
    Client hanoi = new Client().signedIn("hanoi");
    String queue = hanoi.get("/queue?state=all").body();
    assertThat(queue).contains("LV rep 1:1").doesNotContain("Nước hoa Chanel");
    assertThat(queue)
        .as("national counts are not shown to a province")
        .doesNotContain("Hàng giả (2)");
    assertThat(hanoi.get("/queue?state=all&q=" + enc("nuoc hoa")).body())
        .doesNotContain("Nước hoa Chanel");
    assertThat(hanoi.get("/listing?id=chosi:4").statusCode()).isEqualTo(404);
    assertThat(hanoi.get("/seller?id=chosi:shop:9").statusCode()).isEqualTo(404);
    assertThat(hanoi.get("/listing?id=chosi:1").statusCode()).isEqualTo(200);
  }

  @Test
  void aProvincialExportHoldsOnlyTheirProvince() throws Exception {
    Client hanoi = new Client().signedIn("hanoi");
    HttpResponse<byte[]> csv = hanoi.bytes("/queue/export.csv?state=all");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).contains("chosi:1").doesNotContain("chosi:4");
  }

  @Test
  void aProvincialUserCannotActOnAnotherProvince() throws Exception {
    Client hanoi = new Client().signedIn("hanoi");
    HttpResponse<String> decide =
        hanoi.postFrom(
            "/queue",
            "/review/decide",
            "listingId=chosi:4&decision=dismissed&reason=genuine_product");
    assertThat(decide.statusCode()).isEqualTo(404);
    assertThat(hanoi.postFrom("/queue", "/review/claim", "listingId=chosi:4").statusCode())
        .isEqualTo(404);
    hanoi.postFrom(
        "/queue", "/review/bulk", "ids=chosi:4&decision=dismissed&reason=genuine_product");
    assertThat(column("SELECT COUNT(*) FROM decisions WHERE listing_id = 'chosi:4'"))
        .containsExactly("0");
    assertThat(
            column(
                "SELECT COUNT(*) FROM reviews WHERE listing_id = 'chosi:4' AND assignee = 'hanoi'"))
        .containsExactly("0");
  }
}
