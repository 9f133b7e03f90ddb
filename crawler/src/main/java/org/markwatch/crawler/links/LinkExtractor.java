package org.markwatch.crawler.links;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Outlinks of an HTML page: {@code a[href]} and {@code link[rel=next]} (pagination), resolved
 * against the page URL (or its {@code <base href>}). Links marked {@code rel=nofollow}, and every
 * link of a page whose meta robots says {@code nofollow}, are left out. Pure.
 */
public final class LinkExtractor {
  private LinkExtractor() {}

  /** Absolute outlinks in document order, without duplicates or fragments. */
  public static List<String> links(String html, String pageUrl) {
    return links(Jsoup.parse(html, pageUrl));
  }

  /** As {@link #links(String, String)}, from a document parsed already (with its base URI). */
  public static List<String> links(Document doc) {
    for (Element meta : doc.select("meta[name=robots]")) {
      if (meta.attr("content").toLowerCase(Locale.ROOT).matches(".*\\b(nofollow|none)\\b.*")) {
        return List.of();
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (Element e : doc.select("a[href], link[rel~=(?i)^next$][href]")) {
      if (e.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
        continue;
      }
      String abs = e.absUrl("href");
      if (abs.isEmpty()) {
        continue;
      }
      int hash = abs.indexOf('#');
      out.add(hash >= 0 ? abs.substring(0, hash) : abs);
    }
    return new ArrayList<>(out);
  }
}
