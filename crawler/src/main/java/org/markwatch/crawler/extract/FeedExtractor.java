package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.fallback.PageHints;
import org.markwatch.crawler.extract.profile.ProfileExtractor;
import org.markwatch.model.Listing;

/** A feed or list page read by its profile's item selector: one listing per item (a post, a card). */
final class FeedExtractor {
  private FeedExtractor() {}

  static List<Listing> extract(Document doc, Page page, String platform, SiteProfile profile, String currency) {
    List<Listing> out = new ArrayList<>();
    String pageLanguage = PageLocale.language(doc);
    for (Element item : ProfileExtractor.items(doc, profile)) {
      Draft d = new Draft();
      ProfileExtractor.apply(item, profile, d);
      TextLayer.apply(d, profile, d.text.isSet() ? d.text.get() : item.text(), item.text());
      d.language.offer(pageLanguage, Layers.META);
      d.language.offer(PageHints.language(d.text.get()), Layers.TEXT);
      if (d.hasContent()) {
        out.add(ListingAssembler.assemble(d, page, platform, profile, currency));
      }
    }
    return out;
  }
}
