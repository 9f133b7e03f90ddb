package org.markwatch.portal.ops;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A stored morning report's HTML made safe to show inside a portal page. The writer escapes every
 * value, but the page must not trust a row of the database: jsoup's allow-list cleaner (a library
 * rather than hand-written filtering) keeps the report's structure (headings, lists, tables,
 * emphasis) and drops everything else: scripts, event handlers, style attributes (the CSP forbids
 * inline style anyway), images, frames, forms, and links that are not http(s).
 */
final class MorningReportHtml {
  /** A larger body is not shown inline (its text still is). */
  static final int MAX_CHARS = 2_000_000;

  private static final Safelist ALLOWED =
      Safelist.relaxed()
          .removeTags("img")
          .removeProtocols("a", "href", "ftp", "mailto")
          .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

  private MorningReportHtml() {}

  /** The body of the report's document, cleaned; null when it is too large to show. */
  static String body(String html) {
    if (html == null || html.length() > MAX_CHARS) {
      return null;
    }
    Document doc = Jsoup.parse(html);
    return Jsoup.clean(doc.body().html(), ALLOWED);
  }
}
