package org.markwatch.crawler.extract.schemaorg;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
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
    d.title.offer(meta(doc, "og:title"), layer);
    d.title.offer(meta(doc, "twitter:title"), layer);
    d.text.offer(meta(doc, "og:description"), layer);
    d.text.offer(meta(doc, "description"), layer);
    String currency = firstNonNull(meta(doc, "product:price:currency"), meta(doc, "og:price:currency"));
    String iso = currency == null ? null
        : Currencies.isIsoCode(currency.strip().toUpperCase()) ? currency.strip().toUpperCase() : Currencies.toIso(currency, null);
    d.currency.offer(iso, layer);
    String amount = firstNonNull(meta(doc, "product:price:amount"), meta(doc, "og:price:amount"));
    d.price.offer(ProductMapper.money(amount, iso), layer);
    d.listPrice.offer(ProductMapper.money(meta(doc, "product:original_price:amount"), iso), layer);
    d.brand.offer(firstNonNull(meta(doc, "product:brand"), meta(doc, "og:brand")), layer);
    d.availability.offer(normaliseAvailability(firstNonNull(meta(doc, "product:availability"),
        meta(doc, "og:availability"))), layer);
    d.condition.offer(meta(doc, "product:condition"), layer);
    d.sku.offer(firstNonNull(meta(doc, "product:retailer_item_id"), meta(doc, "product:sku")), layer);
    d.gtin.offer(firstNonNull(meta(doc, "product:gtin"), meta(doc, "product:ean")), layer);
    d.mpn.offer(meta(doc, "product:mfr_part_no"), layer);
    List<String> images = new ArrayList<>();
    for (Element m : doc.select("meta[property=og:image], meta[property=og:image:url], meta[name=twitter:image]")) {
      String u = m.attr("abs:content").isEmpty() ? m.attr("content") : m.attr("abs:content");
      if (!u.isBlank() && !images.contains(u) && images.size() < 20) {
        images.add(u);
      }
    }
    d.images.offer(images, layer);
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null) {
      d.canonicalUrl.offer(canonical.absUrl("href").isEmpty() ? canonical.attr("href") : canonical.absUrl("href"), layer);
    }
    d.canonicalUrl.offer(meta(doc, "og:url"), layer);
    String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    d.language.offer(language(lang), layer);
    String locale = meta(doc, "og:locale");
    d.language.offer(language(locale), layer);
    d.language.offer(language(meta(doc, "content-language")), layer);
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

  /** The content of a meta tag named by property, name or itemprop; null when absent or blank. */
  public static String meta(Document doc, String key) {
    for (Element m : doc.getElementsByTag("meta")) {
      if (key.equalsIgnoreCase(m.attr("property")) || key.equalsIgnoreCase(m.attr("name"))
          || key.equalsIgnoreCase(m.attr("http-equiv"))) {
        String c = m.attr("content").strip();
        if (!c.isEmpty()) {
          return c;
        }
      }
    }
    return null;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

}
