package org.markwatch.crawler.extract.fallback;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.Css;

/** Small page heuristics for fields without markup: breadcrumbs and the text's language. */
public final class PageHints {
  private static final String VIETNAMESE_ONLY =
      "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ";

  private PageHints() {}

  /**
   * The category path of the first breadcrumb trail on the page, broadest first; empty when none.
   */
  public static List<String> breadcrumbs(Document doc) {
    Element trail =
        doc.selectFirst(
            Css.of(
                "nav[aria-label~=(?i)breadcrumb], [class~=(?i)^breadcrumbs?$], "
                    + "ol[class*=breadcrumb], ul[class*=breadcrumb], div[class*=breadcrumb], [id*=breadcrumb]"));
    List<String> out = new ArrayList<>();
    if (trail == null) {
      return out;
    }
    List<Element> items = trail.select(Css.of("li"));
    if (items.isEmpty()) {
      items = trail.select(Css.of("a"));
    }
    for (Element item : items) {
      String t = item.text().strip().replaceAll("^[>»/›|]+\\s*|\\s*[>»/›|]+$", "");
      if (!t.isEmpty() && t.length() <= 80 && !out.contains(t) && out.size() < 12) {
        out.add(t);
      }
    }
    return out;
  }

  /** "vi" when the text is Vietnamese by its letters, else null (no guess). */
  public static String language(String text) {
    if (text == null || text.length() < 8) {
      return null;
    }
    int letters = 0;
    int vietnamese = 0;
    String t = text.length() > 5_000 ? text.substring(0, 5_000) : text;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (VIETNAMESE_ONLY.indexOf(Character.toLowerCase(c)) >= 0
            || VIETNAMESE_ONLY.indexOf(c) >= 0) {
          vietnamese++;
        }
      }
    }
    return letters > 0 && vietnamese * 12 >= letters ? "vi" : null;
  }
}
