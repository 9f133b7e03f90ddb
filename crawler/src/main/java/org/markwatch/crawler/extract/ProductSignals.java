package org.markwatch.crawler.extract;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Field;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.schemaorg.MetaTagReader;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import tools.jackson.databind.JsonNode;

/**
 * Whether a page says it is about one product: schema.org Product data outside a list, an OpenGraph
 * type or product meta tags. Such a page yields one listing even when it shows cards of other
 * products (related, recently viewed).
 */
final class ProductSignals {
  private ProductSignals() {}

  /**
   * Whether what was read looks like a product: a price, or any field from structured data
   * (JSON-LD, microdata, app state, the site profile), or a labelled product code, brand or
   * barcode. A title alone (every page has one) is not enough.
   */
  static boolean describesProduct(Draft d) {
    if (d.price.isSet()) {
      return true;
    }
    // A product code, brand or barcode shown beside its label ("Mã sản phẩm:", "Brand:").
    for (Field<?> f : List.of(d.sku, d.brand, d.gtin, d.mpn)) {
      if (f.isSet() && !Layers.URL.equals(f.layer())) {
        return true;
      }
    }
    for (Field<?> f : d.fields()) {
      String layer = f.layer();
      if (f.isSet()
          && (Layers.JSONLD.equals(layer)
              || Layers.MICRODATA.equals(layer)
              || Layers.APPSTATE.equals(layer)
              || Layers.PROFILE.equals(layer))) {
        return true;
      }
    }
    return false;
  }

  static boolean isProductPage(Document doc, List<JsonNode> jsonLd, String pageUrl) {
    Element canonical = doc.selectFirst(Css.of("link[rel=canonical][href]"));
    if (ProductMapper.hasProductOf(
        jsonLd,
        pageUrl,
        canonical == null ? null : canonical.absUrl("href"),
        MetaTagReader.meta(doc, "og:url"))) {
      return true;
    }
    String ogType = MetaTagReader.meta(doc, "og:type");
    // "product" and "product.item" are one product; "product.group" is a group of them (a
    // category page).
    if (ogType != null
        && ogType.toLowerCase(Locale.ROOT).contains("product")
        && !ogType.toLowerCase(Locale.ROOT).contains("group")) {
      return true;
    }
    if (MetaTagReader.meta(doc, "product:price:amount") != null
        || MetaTagReader.meta(doc, "og:price:amount") != null) {
      return true;
    }
    // One microdata product at the top level is the page's; several are a list's cards.
    return doc.select(Css.of("[itemscope][itemtype~=(?i)schema.org/Product$]:not([itemprop])"))
            .size()
        == 1;
  }
}
