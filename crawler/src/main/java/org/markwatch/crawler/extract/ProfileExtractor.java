package org.markwatch.crawler.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.markwatch.crawler.extract.SiteProfile.Selector;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.PriceParser;
import org.markwatch.model.Money;

/** Applies a {@link SiteProfile}'s selectors to a page or to each item of a feed. */
public final class ProfileExtractor {
  /** A feed page yields at most this many listings. */
  public static final int MAX_ITEMS = 1_000;

  private ProfileExtractor() {}

  /** The item elements of a feed or list page; empty when the profile has no item selector. */
  public static List<Element> items(Element root, SiteProfile profile) {
    if (profile.item() == null) {
      return List.of();
    }
    Elements found = root.select(profile.item());
    return found.size() > MAX_ITEMS ? found.subList(0, MAX_ITEMS) : found;
  }

  /** Fills {@code d} from the profile's selectors, searched within {@code scope}. */
  public static void apply(Element scope, SiteProfile profile, Draft d) {
    String layer = Layers.PROFILE;
    d.kind.offer(profile.kind(), layer);
    String url = first(scope, profile, "url");
    d.url.offer(url, layer);
    d.title.offer(first(scope, profile, "title"), layer);
    d.text.offer(first(scope, profile, "text"), layer);
    String currency = first(scope, profile, "currency");
    String priceText = first(scope, profile, "price");
    if (priceText != null) {
      ParsedPrice p = PriceParser.parse(priceText, currency, null, null);
      if (p.hasAmount()) {
        d.price.offer(new Money(p.amount(), p.currencyIso()), layer);
        d.currency.offer(p.currencyIso(), layer);
      }
    }
    String listText = first(scope, profile, "listPrice");
    if (listText != null) {
      ParsedPrice p = PriceParser.parse(listText, currency, null, null);
      if (p.hasAmount()) {
        d.listPrice.offer(new Money(p.amount(), p.currencyIso()), layer);
      }
    }
    d.brand.offer(first(scope, profile, "brand"), layer);
    d.sku.offer(first(scope, profile, "sku"), layer);
    d.gtin.offer(first(scope, profile, "gtin"), layer);
    d.mpn.offer(first(scope, profile, "mpn"), layer);
    d.availability.offer(first(scope, profile, "availability"), layer);
    d.language.offer(first(scope, profile, "language"), layer);
    d.category.offer(all(scope, profile, "category"), layer);
    d.images.offer(all(scope, profile, "images"), layer);
    d.publishedAt.offer(first(scope, profile, "publishedAt"), layer);
    d.likes.offer(count(first(scope, profile, "likes")), layer);
    d.comments.offer(count(first(scope, profile, "comments")), layer);
    d.shares.offer(count(first(scope, profile, "shares")), layer);
    d.sold.offer(count(first(scope, profile, "sold")), layer);
    d.seller.name.offer(first(scope, profile, "sellerName"), layer);
    String sellerUrl = first(scope, profile, "sellerUrl");
    d.seller.url.offer(sellerUrl, layer);
    d.seller.address.offer(first(scope, profile, "sellerAddress"), layer);
    d.seller.taxCode.offer(first(scope, profile, "sellerTaxCode"), layer);
    d.seller.businessRegistration.offer(first(scope, profile, "sellerBusinessRegistration"), layer);
    String phone = first(scope, profile, "sellerPhone");
    if (phone != null) {
      d.seller.phones.add(phone);
    }
    String email = first(scope, profile, "sellerEmail");
    if (email != null) {
      d.seller.emails.add(email);
    }
    if (profile.listingId() != null) {
      String id = null;
      if (profile.listingId().attribute() != null
          && scope.hasAttr(profile.listingId().attribute())) {
        id = scope.attr(profile.listingId().attribute()).strip();
      }
      if ((id == null || id.isEmpty()) && profile.listingId().attribute() != null) {
        Element withAttr = scope.selectFirst("[" + profile.listingId().attribute() + "]");
        id = withAttr == null ? null : withAttr.attr(profile.listingId().attribute()).strip();
      }
      d.nativeId.offer(id, layer);
    }
  }

  /** The listing id from a URL by the profile's pattern, or null. */
  public static String idFromUrl(SiteProfile.IdRule rule, String url) {
    if (rule == null || rule.urlPattern() == null || url == null) {
      return null;
    }
    Matcher m = rule.urlPattern().matcher(url);
    return m.find() && m.group(1) != null && !m.group(1).isBlank() ? m.group(1) : null;
  }

  private static String first(Element scope, SiteProfile profile, String field) {
    Selector s = profile.fields().get(field);
    if (s == null) {
      return null;
    }
    for (Element e : scope.select(s.css())) {
      String v = valueOf(e, s);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static List<String> all(Element scope, SiteProfile profile, String field) {
    Selector s = profile.fields().get(field);
    List<String> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    for (Element e : scope.select(s.css())) {
      String v = valueOf(e, s);
      if (v != null && !v.isBlank() && !out.contains(v.strip()) && out.size() < 50) {
        out.add(v.strip());
      }
    }
    return out;
  }

  private static String valueOf(Element e, Selector s) {
    if (s.attribute() == null) {
      return e.wholeText().isBlank() ? null : e.text();
    }
    String attr = s.attribute();
    if (attr.equals("href") || attr.equals("src")) {
      String abs = e.absUrl(attr);
      return abs.isEmpty() ? e.attr(attr) : abs;
    }
    return e.attr(attr);
  }

  /** "1.2k", "3 likes", "1,234" → a count; null when none. */
  static Long count(String text) {
    if (text == null) {
      return null;
    }
    Matcher m =
        java.util.regex.Pattern.compile("(\\d+(?:[.,]\\d+)*)\\s*([kKmM]|nghìn|N)?").matcher(text);
    if (!m.find()) {
      return null;
    }
    String num = m.group(1);
    String unit = m.group(2);
    try {
      if (unit != null) {
        BigDecimal v = new BigDecimal(num.replace(',', '.'));
        long scale = unit.equalsIgnoreCase("m") ? 1_000_000L : 1_000L;
        return v.multiply(BigDecimal.valueOf(scale)).longValue();
      }
      return Long.parseLong(num.replaceAll("[.,]", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
