package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.schemaorg.Nodes;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import org.markwatch.model.Listing;
import tools.jackson.databind.JsonNode;

/** A list page (category, search, shop) whose JSON-LD ItemList holds the products: one listing each. */
final class ListPageExtractor {
  private ListPageExtractor() {}

  static List<Listing> extract(List<JsonNode> products, Document doc, Page page, String platform, SiteProfile profile,
      String currency) {
    List<Listing> out = new ArrayList<>();
    String language = PageLocale.language(doc);
    for (JsonNode product : products) {
      Draft d = new Draft();
      String itemUrl = PageLocale.absolute(doc, Nodes.textOf(product, "url"));
      d.url.offer(itemUrl, Layers.JSONLD);
      ProductMapper.map(List.of(product), itemUrl, d, Layers.JSONLD);
      d.language.offer(language, Layers.META);
      if (d.hasContent()) {
        out.add(ListingAssembler.assemble(d, page, platform, profile, currency));
      }
    }
    return out;
  }
}
