package org.markwatch.crawler.extract.schemaorg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.text.Currencies;

/**
 * OpenGraph ({@code og:*}), product meta tags ({@code product:price:amount}, {@code og:price:*},
 * {@code product:brand}), twitter cards, {@code <link rel=canonical>}, {@code <title>} and the
 * description meta tag.
 */
public final class MetaTagReader {
  private MetaTagReader() {}

  public static void read(Document doc, Draft d) {
    String layer = Layers.META;
    Map<String, String> m = metas(doc);
    d.title.offer(m.get("og:title"), layer);
    d.title.offer(m.get("twitter:title"), layer);
    d.text.offer(m.get("og:description"), layer);
    d.text.offer(m.get("description"), layer);
    String currency = firstNonNull(m.get("product:price:currency"), m.get("og:price:currency"));
    String iso =
        currency == null
            ? null
            : Currencies.isIsoCode(currency.strip().toUpperCase())
                ? currency.strip().toUpperCase()
                : Currencies.toIso(currency, null);
    d.currency.offer(iso, layer);
    String amount = firstNonNull(m.get("product:price:amount"), m.get("og:price:amount"));
    String sale = m.get("product:sale_price:amount");
    var salePrice = ProductMapper.money(sale, iso);
    var regular = ProductMapper.money(amount, iso);
    if (salePrice != null
        && regular != null
        && salePrice.amount().compareTo(regular.amount()) < 0) {
      // Facebook's product tags: price:amount is the regular price, sale_price:amount the one
      // asked.
      d.price.offer(salePrice, layer);
      d.listPrice.offer(regular, layer);
    }
    d.price.offer(regular, layer);
    d.listPrice.offer(ProductMapper.money(m.get("product:original_price:amount"), iso), layer);
    d.brand.offer(firstNonNull(m.get("product:brand"), m.get("og:brand")), layer);
    d.availability.offer(
        normaliseAvailability(
            firstNonNull(m.get("product:availability"), m.get("og:availability"))),
        layer);
    d.condition.offer(m.get("product:condition"), layer);
    d.sku.offer(firstNonNull(m.get("product:retailer_item_id"), m.get("product:sku")), layer);
    d.gtin.offer(firstNonNull(m.get("product:gtin"), m.get("product:ean")), layer);
    d.mpn.offer(m.get("product:mfr_part_no"), layer);
    List<String> images = new ArrayList<>();
    for (Element img :
        doc.select(
            Css.of(
                "meta[property=og:image], meta[property=og:image:url], meta[name=twitter:image]"))) {
      String u = img.attr("abs:content").isEmpty() ? img.attr("content") : img.attr("abs:content");
      if (!u.isBlank() && !images.contains(u) && images.size() < 20) {
        images.add(u);
      }
    }
    d.images.offer(images, layer);
    Element canonical = doc.selectFirst(Css.of("link[rel=canonical][href]"));
    if (canonical != null) {
      d.canonicalUrl.offer(
          canonical.absUrl("href").isEmpty() ? canonical.attr("href") : canonical.absUrl("href"),
          layer);
    }
    d.canonicalUrl.offer(m.get("og:url"), layer);
    String lang =
        doc.selectFirst(Css.of("html")) == null ? "" : doc.selectFirst(Css.of("html")).attr("lang");
    d.language.offer(language(lang), layer);
    String locale = m.get("og:locale");
    d.language.offer(language(locale), layer);
    d.language.offer(language(m.get("content-language")), layer);
  }

  /** "vi_VN" → "vi-VN"; null when blank or not a language tag. */
  public static String language(String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.strip().replace('_', '-');
    int comma = t.indexOf(',');
    if (comma > 0) {
      t = t.substring(0, comma).strip();
    }
    return t.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? t : null;
  }

  private static String normaliseAvailability(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip().toLowerCase().replace(" ", "").replace("_", "");
    return switch (s) {
      case "instock", "in stock", "available" -> "InStock";
      case "outofstock", "oos" -> "OutOfStock";
      case "preorder" -> "PreOrder";
      default -> Nodes.enumValue(v);
    };
  }

  /** The content of a meta tag named by property, name or http-equiv; null when absent or blank. */
  public static String meta(Document doc, String key) {
    return metas(doc).get(key.toLowerCase(Locale.ROOT));
  }

  /**
   * The page's meta tags by lower-cased key (property, name, http-equiv); the first non-blank value
   * wins.
   */
  static Map<String, String> metas(Document doc) {
    Map<String, String> values = new HashMap<>();
    for (Element m : doc.getElementsByTag("meta")) {
      String c = m.attr("content").strip();
      if (c.isEmpty()) {
        continue;
      }
      for (String attr : List.of("property", "name", "http-equiv")) {
        String k = m.attr(attr);
        if (!k.isEmpty()) {
          values.putIfAbsent(k.toLowerCase(Locale.ROOT), c);
        }
      }
    }
    return values;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
