package org.markwatch.app.benchqueue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpLoadTest {
  /** The queue page's paging links as the portal writes them, among other links. */
  @Test
  void linkFindsTheTagWithThatRelAndUnescapesItsHref() {
    String page =
        "<a class=\"open\" href=\"/listing?id=a\">A rel=\"next\"</a>\n"
            + "<nav class=\"pages\">\n"
            + "  <a rel=\"prev\" href=\"/queue?sort=score&amp;page=0&amp;before=AbC\">prev</a>\n"
            + "  <a rel=\"next\" href=\"/queue?sort=score&amp;page=2&amp;after=XyZ\">next</a>\n"
            + "</nav>";
    assertThat(HttpLoad.link(page, "next")).contains("/queue?sort=score&page=2&after=XyZ");
    assertThat(HttpLoad.link(page, "prev")).contains("/queue?sort=score&page=0&before=AbC");
    assertThat(HttpLoad.link(page, "last")).isEmpty();
    assertThat(HttpLoad.link("<p>no links</p>", "next")).isEmpty();
  }
}
