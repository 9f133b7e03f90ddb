package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.fallback.PageHints;
import org.markwatch.model.Listing;

/**
 * A feed or list page read by its profile's item selector: one listing per item (a post, a card).
 */
final class FeedExtractor {
  /** A title cut from a post is at most this long. */
  static final int MAX_TITLE_CHARS = 120;

  private FeedExtractor() {}

  /**
   * The first line of a post (or its first sentence, when it is one long line), at most 120
   * characters.
   */
  static String firstLine(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    int nl = t.indexOf('\n');
    String line = (nl > 0 ? t.substring(0, nl) : t).strip();
    if (line.length() > MAX_TITLE_CHARS) {
      java.util.regex.Matcher end = java.util.regex.Pattern.compile("[.!?…](\\s|$)").matcher(line);
      if (end.find() && end.start() >= 10 && end.start() < MAX_TITLE_CHARS) {
        line = line.substring(0, end.start() + 1);
      } else {
        int cut = line.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
        line = line.substring(0, cut > 40 ? cut : MAX_TITLE_CHARS - 1).strip() + "…";
      }
    }
    return line.isEmpty() ? null : line;
  }

  static List<Listing> extract(
      Document doc, Page page, String platform, SiteProfile profile, String currency) {
    List<Listing> out = new ArrayList<>();
    String pageLanguage = PageLocale.language(doc);
    for (Element item : ProfileExtractor.items(doc, profile)) {
      Draft d = new Draft();
      ProfileExtractor.apply(item, profile, d);
      TextLayer.apply(d, profile, d.text.isSet() ? d.text.get() : item.text(), item.text());
      // A post has no title of its own: its first line is what a reader sees first.
      d.title.offer(firstLine(d.text.get()), Layers.TEXT);
      d.language.offer(pageLanguage, Layers.META);
      d.language.offer(PageHints.language(d.text.get()), Layers.TEXT);
      if (d.hasContent()) {
        out.add(ListingAssembler.assemble(d, page, platform, profile, currency));
      }
    }
    return out;
  }
}
