package org.markwatch.portal.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;
import org.markwatch.storage.Database;
import org.markwatch.storage.origin.OriginStore;

/**
 * The origin registers over real HTTP: an operator registers a product, its GTIN and serial range
 * and an authorised seller, each mistake shown beside its field (a GTIN's expected check digit, an
 * overlapping range, a host that is none) with nothing stored; an admin grants a brand to a brand
 * owner's account, which lands on its origin page, sees and registers for its brand only and reads
 * nothing else; roles, CSRF and the audit rows.
 */
class OriginPagesTest extends PortalTestSupport {
  @Test
  void anOperatorRegistersAProductItsCodesAndASeller() throws Exception {
    Client operator = new Client().signedIn("operator");
    assertThat(operator.get("/queue").body()).contains("href=\"/origin\"");

    HttpResponse<String> refused =
        operator.postFrom(
            "/origin",
            "/origin/product",
            "id="
                + enc("sữa bột")
                + "&brand=vinamilk&name="
                + enc("Sữa <script>alert(3)</script>")
                + "&owner=");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("„sữa bột“ không đúng định dạng.")
        .contains("Bắt buộc nhập.")
        // what was typed comes back, escaped
        .contains("Sữa &lt;script&gt;alert(3)&lt;/script&gt;")
        .doesNotContain("<script>alert(3)");
    assertThat(
            column(
                "SELECT COUNT(*) FROM genuine_products WHERE brand_id = 'vinamilk' AND name LIKE 'Sữa <script>%'"))
        .containsExactly("0");

    HttpResponse<String> saved =
        operator.postFrom(
            "/origin",
            "/origin/product",
            "id=ong-tho-380&brand=vinamilk&name="
                + enc("Sữa đặc Ông Thọ <script>alert(3)</script>")
                + "&owner=Vinamilk");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .endsWith("/origin/product?id=ong-tho-380&saved=1");
    String page = "/origin/product?id=ong-tho-380";
    assertThat(operator.get(page).body())
        .contains("Sữa đặc Ông Thọ &lt;script&gt;")
        .doesNotContain("<script>alert(3)");

    HttpResponse<String> wrongDigit =
        operator.postFrom(page, "/origin/gtin", "product=ong-tho-380&gtin=8936040000010");
    assertThat(wrongDigit.body())
        .contains("Sai chữ số kiểm tra: với các chữ số trước đó, chữ số cuối phải là 9.")
        .contains("value=\"8936040000010\"");
    assertThat(
            operator
                .postFrom(page, "/origin/gtin", "product=ong-tho-380&gtin=8936040000019")
                .statusCode())
        .isEqualTo(302);
    assertThat(
            operator
                .postFrom(page, "/origin/serials", "product=ong-tho-380&prefix=OT-&from=1&to=500")
                .statusCode())
        .isEqualTo(302);
    assertThat(
            operator
                .postFrom(page, "/origin/serials", "product=ong-tho-380&prefix=ot-&from=400&to=900")
                .body())
        .contains("Trùng với dải đã đăng ký OT-1..OT-500.");
    assertThat(
            operator
                .postFrom(page, "/origin/serials", "product=ong-tho-380&prefix=OT-&from=abc&to=9")
                .body())
        .contains("„abc“ không phải số nguyên.");
    String product = operator.get(page).body();
    assertThat(product).contains("08936040000019").contains("OT-1 … OT-500");
    assertThat(operator.get(page + "&lang=en").body()).contains("Add a serial range");
    operator.get(page + "&lang=vi");

    HttpResponse<String> badSeller =
        operator.postFrom(
            "/origin",
            "/origin/seller",
            "brand=vinamilk&name=Official&shopHost=" + enc("not a host"));
    assertThat(badSeller.body()).contains("„not a host“ không đúng định dạng.");
    assertThat(
            operator
                .postFrom(
                    "/origin",
                    "/origin/seller",
                    "brand=vinamilk&name="
                        + enc("Vinamilk Official")
                        + "&shopHost="
                        + enc("https://shop.vinamilk.example/")
                        + "&validUntil=2099-12-31")
                .statusCode())
        .isEqualTo(302);
    assertThat(operator.get("/origin").body())
        .contains("shop.vinamilk.example")
        .contains("ong-tho-380");

    try (Database db = Database.openWithoutMigrating(settings)) {
      OriginStore origin = new OriginStore(db.dataSource());
      assertThat(origin.verify("8936040000019").productName()).startsWith("Sữa đặc Ông Thọ");
      assertThat(origin.verify("OT-250").outcome()).isEqualTo("genuine");
      assertThat(origin.authorisedBrands(null, "shop.vinamilk.example")).contains("vinamilk");
    }
    assertThat(
            column(
                "SELECT detail FROM audit_log WHERE actor = 'operator' AND action = 'origin_registered'"
                    + " ORDER BY seq"))
        .containsSubsequence(
            "product Sữa đặc Ông Thọ <script>alert(3)</script>",
            "gtin 8936040000019",
            "serials OT-1..500",
            "authorised seller of vinamilk");
    // no CSRF token, nothing stored
    assertThat(operator.post("/origin/product", "id=x1&brand=vinamilk&name=x&owner=y").statusCode())
        .isEqualTo(403);
    assertThat(column("SELECT COUNT(*) FROM genuine_products WHERE id = 'x1'"))
        .containsExactly("0");
  }

  @Test
  void aBrandOwnerActsForItsBrandsOnly() throws Exception {
    Client admin = new Client().signedIn("admin");
    assertThat(
            admin
                .postFrom("/origin", "/origin/owners/grant", "username=analyst&brand=vinamilk")
                .body())
        .contains("„analyst“ không có vai trò chủ nhãn hiệu");
    assertThat(
            admin
                .postFrom(
                    "/origin", "/origin/owners/grant", "username=vinamilk-staff&brand=vinamilk")
                .statusCode())
        .isEqualTo(302);
    try (Database db = Database.openWithoutMigrating(settings)) {
      OriginStore origin = new OriginStore(db.dataSource());
      origin.registerProduct("th-1l", "th-true-milk", "TH true MILK 1L", "TH", "operator");
      origin.registerProduct(
          "vnm-180", "vinamilk", "Sữa tươi Vinamilk 180ml", "Vinamilk", "operator");
    }

    Client owner = new Client();
    HttpResponse<String> login = owner.login("vinamilk-staff", PASSWORD);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/origin");
    String home = owner.get("/origin").body();
    assertThat(home).contains("vnm-180").doesNotContain("th-1l").doesNotContain("href=\"/queue\"");
    assertThat(home).doesNotContain("id=\"owners\"");
    // another brand's product: the 404 of one that does not exist
    assertThat(owner.get("/origin/product?id=th-1l").statusCode()).isEqualTo(404);
    assertThat(
            owner
                .postFrom("/origin", "/origin/gtin", "product=th-1l&gtin=8936040000026")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            owner
                .postFrom(
                    "/origin", "/origin/product", "id=th-2&brand=th-true-milk&name=TH&owner=TH")
                .body())
        .contains("Bạn không được đăng ký cho nhãn hiệu „th-true-milk“.");
    assertThat(
            owner
                .postFrom(
                    "/origin/product?id=vnm-180",
                    "/origin/gtin",
                    "product=vnm-180&gtin=8936040000026")
                .statusCode())
        .isEqualTo(302);
    assertThat(column("SELECT actor FROM audit_log WHERE detail = 'gtin 8936040000026'"))
        .containsExactly("vinamilk-staff");
    for (String path :
        new String[] {"/queue", "/cases", "/warnings", "/ops", "/listing?id=chosi:1"}) {
      assertThat(owner.get(path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(
            owner
                .postFrom(
                    "/origin", "/origin/owners/grant", "username=vinamilk-staff&brand=th-true-milk")
                .statusCode())
        .isEqualTo(403);
    assertThat(new Client().signedIn("analyst").get("/origin").statusCode()).isEqualTo(403);
    assertThat(new Client().get("/origin").statusCode()).isEqualTo(302);
  }
}
