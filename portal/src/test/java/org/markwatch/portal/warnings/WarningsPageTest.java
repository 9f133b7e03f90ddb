package org.markwatch.portal.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.markwatch.portal.PortalTestSupport;
import org.markwatch.storage.Database;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * Consumer warnings over real HTTP: a supervisor writes one (problems shown beside the fields),
 * publishes it, the public reads it without signing in (script in its title and in a named
 * violator's name inert), then it is withdrawn and gone from the public site; each step audited. An
 * analyst is refused; every form needs its CSRF token.
 */
class WarningsPageTest extends PortalTestSupport {
  @Test
  void writePublishReadWithdraw() throws Exception {
    try (Database db = Database.openWithoutMigrating(settings)) {
      // idempotent: the same violator as PublicSiteTest and AgencyApiTest
      new CaseStore(db.dataSource())
          .confirmViolator(
              Jurisdiction.national("boss"),
              "chosi:shop:7",
              "101/QĐ-XPHC",
              "Nghị định 98/2020/NĐ-CP Điều 11",
              null,
              true,
              null);
    }
    Client boss = new Client().signedIn("boss");
    assertThat(boss.get("/queue").body()).contains("href=\"/warnings\"");
    assertThat(boss.get("/warnings").statusCode()).isEqualTo(200);

    // missing title, an unknown violator: both said beside their fields, nothing stored
    String before = column("SELECT COUNT(*) FROM consumer_warnings").get(0);
    HttpResponse<String> refused =
        boss.postFrom(
            "/warnings/edit",
            "/warnings/save",
            "title=&body=" + enc("Nội dung") + "&sellers=" + enc("chosi:shop:7\nkhong:co:ai"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Bắt buộc nhập.")
        .contains("„khong:co:ai“ không phải người bán đã được xác nhận vi phạm.")
        // what was typed is kept
        .contains("Nội dung");
    assertThat(column("SELECT COUNT(*) FROM consumer_warnings").get(0)).isEqualTo(before);

    String title = "Túi xách giả <script>alert('w')</script>";
    HttpResponse<String> saved =
        boss.postFrom(
            "/warnings/edit",
            "/warnings/save",
            "title="
                + enc(title)
                + "&productType="
                + enc("Túi xách")
                + "&brand="
                + enc("Louis Vuitton")
                + "&body="
                + enc("Không mua túi giá rẻ bất thường.\nKiểm tra hoá đơn.")
                + "&lookFor="
                + enc("Giá dưới 1 triệu <img src=x onerror=alert(1)>")
                + "&sellers="
                + enc("chosi:shop:7"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String location = saved.headers().firstValue("Location").orElseThrow();
    String id = location.replaceAll(".*id=(\\d+).*", "$1");
    // a draft is not public
    assertThat(new Client().get("/cong-khai/canh-bao/" + id).statusCode()).isEqualTo(404);

    HttpResponse<String> published =
        boss.postFrom("/warnings/edit?id=" + id, "/warnings/publish", "id=" + id);
    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(boss.get("/warnings/edit?id=" + id).body()).contains("state-published");

    Client visitor = new Client();
    HttpResponse<String> page = visitor.get("/cong-khai/canh-bao/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .doesNotContain("unsafe-inline");
    assertThat(page.body())
        .contains("Túi xách giả &lt;script&gt;alert(&#39;w&#39;)&lt;/script&gt;")
        .contains("Louis Vuitton")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("Shop Hoa Mai &lt;script&gt;alert(2)&lt;/script&gt;")
        .contains("101/QĐ-XPHC")
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x");
    assertThat(visitor.get("/cong-khai/canh-bao").body())
        .contains("/cong-khai/canh-bao/" + id)
        .doesNotContain("<script>alert");
    assertThat(visitor.get("/cong-khai/canh-bao/" + id + "?lang=en").body())
        .contains("What to look for");

    HttpResponse<String> withdrawn =
        boss.postFrom("/warnings/edit?id=" + id, "/warnings/withdraw", "id=" + id);
    assertThat(withdrawn.statusCode()).isEqualTo(302);
    assertThat(visitor.get("/cong-khai/canh-bao/" + id).statusCode()).isEqualTo(404);
    assertThat(visitor.get("/cong-khai/canh-bao").body())
        .doesNotContain("/cong-khai/canh-bao/" + id + "\"");
    // publishing again is refused on the form, not with an error page
    assertThat(boss.postFrom("/warnings/edit?id=" + id, "/warnings/publish", "id=" + id).body())
        .contains("Cảnh báo đã thu hồi");

    assertThat(
            column(
                "SELECT action || ' ' || actor FROM audit_log WHERE subject = ? ORDER BY seq",
                "warning:" + id))
        .containsExactly("warning_saved boss", "warning_published boss", "warning_withdrawn boss");
  }

  @Test
  void anAnalystIsRefusedAndEveryFormNeedsItsToken() throws Exception {
    Client analyst = new Client().signedIn("analyst");
    assertThat(analyst.get("/warnings").statusCode()).isEqualTo(403);
    assertThat(analyst.postFrom("/queue", "/warnings/save", "title=x&body=y").statusCode())
        .isEqualTo(403);
    assertThat(new Client().get("/warnings").statusCode()).isEqualTo(302);
    Client operator = new Client().signedIn("operator");
    assertThat(operator.get("/warnings").statusCode()).isEqualTo(200);
    for (String action :
        new String[] {"/warnings/save", "/warnings/publish", "/warnings/withdraw"}) {
      assertThat(operator.post(action, "id=1&title=x&body=y").statusCode())
          .as(action)
          .isEqualTo(403);
    }
    assertThat(column("SELECT COUNT(*) FROM consumer_warnings WHERE title = 'x'"))
        .containsExactly("0");
  }
}
