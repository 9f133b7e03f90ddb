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
}
