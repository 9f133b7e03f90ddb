package org.markwatch.crawler.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class StruckClassesTest {
  private static boolean strikes(String css, String html, String query) {
    Document doc = Jsoup.parse("<style>" + css + "</style>" + html);
    return StruckClasses.of(doc).strikes(doc.selectFirst(query));
  }

  @Test
  void classOfTheLastCompoundOfALineThroughRuleIsStruck() {
    String css =
        "/* giá */ .sp .gia-cu, .x > .prix-barre { color:#999; text-decoration: line-through }"
            + "@media (max-width:600px){ .card .altpreis{text-decoration-line:line-through} }";
    assertThat(strikes(css, "<span class='gia-cu'>1</span>", "span")).isTrue();
    assertThat(strikes(css, "<span class='a PRIX-BARRE'>1</span>", "span")).isTrue();
    assertThat(strikes(css, "<span class='altpreis'>1</span>", "span")).isTrue();
    assertThat(strikes(css, "<span class='sp'>1</span>", "span")).isFalse();
  }

  @Test
  void descendantTagsStatesAndOtherDecorationsStrikeNoClass() {
    String css =
        ".price del{text-decoration:line-through} a.link:hover{text-decoration:line-through}"
            + " .under{text-decoration:underline} .todo[done]{text-decoration:line-through}";
    assertThat(strikes(css, "<span class='price'>1</span>", "span")).isFalse();
    assertThat(strikes(css, "<a class='link'>1</a>", "a")).isFalse();
    assertThat(strikes(css, "<span class='under'>1</span>", "span")).isFalse();
    assertThat(strikes(css, "<span class='todo'>1</span>", "span")).isFalse();
  }

  @Test
  void pageWithoutStyleStrikesNothing() {
    Document doc = Jsoup.parse("<span class='gia-cu'>1</span>");
    assertThat(StruckClasses.of(doc).isEmpty()).isTrue();
    assertThat(StruckClasses.of(doc).strikes(doc.selectFirst("span"))).isFalse();
  }
}
