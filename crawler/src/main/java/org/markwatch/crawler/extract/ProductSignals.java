package org.markwatch.crawler.extract;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.schemaorg.MetaTagReader;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import tools.jackson.databind.JsonNode;

/**
 * Whether a page says it is about one product: schema.org Product data outside a list, an
 * OpenGraph type or product meta tags. Such a page yields one listing even when it shows cards of
 * other products (related, recently viewed).
 */
final class ProductSignals {
  private ProductSignals() {}

  static boolean isProductPage(Document doc, List<JsonNode> jsonLd, String pageUrl) {
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (ProductMapper.hasProductOf(jsonLd, pageUrl, canonical == null ? null : canonical.absUrl("href"),
        MetaTagReader.meta(doc, "og:url"))) {
      return true;
    }
    String ogType = MetaTagReader.meta(doc, "og:type");
    if (ogType != null && ogType.toLowerCase(Locale.ROOT).contains("product")) {
      return true;
    }
    if (MetaTagReader.meta(doc, "product:price:amount") != null || MetaTagReader.meta(doc, "og:price:amount") != null) {
      return true;
    }
    // One microdata product at the top level is the page's; several are a list's cards.
    return doc.select("[itemscope][itemtype~=(?i)schema.org/Product$]:not([itemprop])").size() == 1;
  }
}
