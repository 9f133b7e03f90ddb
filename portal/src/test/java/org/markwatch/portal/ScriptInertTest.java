package org.markwatch.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A script tag in a listing title or a seller name is shown as text on every page that shows it.
 */
class ScriptInertTest extends PortalTestSupport {

  @Test
  void scriptTagsInScrapedTextAreInertOnEveryPage() throws Exception {
    Client boss = new Client().signedIn("boss");
    boss.postFrom("/queue", "/review/claim", "listingId=chosi:1&back=" + enc("/mine"));
    for (String path :
        new String[] {
          "/queue?state=all",
          "/mine?state=all",
          "/queue?state=all&q=" + enc("hoa mai"),
          "/listing?id=chosi:1",
          "/listing?id=chosi:2",
          "/seller?id=chosi:shop:7",
          "/seller?id=chosi:shop:8",
          "/team",
          "/queue?state=all&lang=en"
        }) {
      HttpResponse<String> r = boss.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      String body = r.body();
      assertThat(body).as(path).doesNotContain("<script>alert");
      // the only script elements are the portal's own file
      assertThat(body.split("<script", -1).length - 1).as(path).isEqualTo(1);
      assertThat(body).as(path).doesNotContainPattern("(?i)\\son[a-z]+=");
    }
    assertThat(boss.get("/queue?state=all").body())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Shop Hoa Mai &lt;script&gt;alert(2)&lt;/script&gt;");
  }
}
