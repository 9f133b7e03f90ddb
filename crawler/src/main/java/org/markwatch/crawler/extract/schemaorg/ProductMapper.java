package org.markwatch.crawler.extract.schemaorg;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.SellerDraft;
import org.markwatch.crawler.extract.text.Currencies;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.PriceParser;
import org.markwatch.model.Money;
import tools.jackson.databind.JsonNode;

/**
 * Fills a {@link Draft} from schema.org items (JSON-LD or microdata turned into the same shape):
 * the main Product of the page with its offers, brand, identifiers and seller, and the page's
 * BreadcrumbList. {@code @graph}, arrays, nesting (WebPage.mainEntity, Offer.itemOffered) and
 * {@code @id} references are followed.
 */
public final class ProductMapper {
  private static final Set<String> PRODUCT_TYPES =
      Set.of(
          "product",
          "productgroup",
          "individualproduct",
          "productmodel",
          "someproducts",
          "vehicle",
          "car",
          "book",
          "motorizedbicycle");
  private static final int MAX_NODES = 20_000;

  private ProductMapper() {}

  /** Every object node of the items, depth-first, with @graph and arrays spread; bounded. */
  static List<JsonNode> flatten(List<JsonNode> roots) {
    List<JsonNode> out = new ArrayList<>();
    Deque<JsonNode> stack = new ArrayDeque<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      stack.push(roots.get(i));
    }
    while (!stack.isEmpty() && out.size() < MAX_NODES) {
      JsonNode n = stack.pop();
      if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          stack.push(n.get(i));
        }
      } else if (n.isObject()) {
        out.add(n);
        List<JsonNode> kids = new ArrayList<>();
        for (var e : n.properties()) {
          if ((e.getValue().isObject() || e.getValue().isArray())) {
            kids.add(e.getValue());
          }
        }
        for (int i = kids.size() - 1; i >= 0; i--) {
          stack.push(kids.get(i));
        }
      }
    }
    return out;
  }

  /**
   * The products of a list page (category, search, shop page): two or more products, every one of
   * them an element of an ItemList. Empty for a product page, where a list holds only related
   * items.
   */
  public static List<JsonNode> listedProducts(List<JsonNode> roots) {
    List<JsonNode> nodes = flatten(roots);
    java.util.Set<JsonNode> listed =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<JsonNode> ordered = new ArrayList<>();
    for (JsonNode n : nodes) {
      if (!Nodes.hasType(n, "ItemList", "OfferCatalog")) {
        continue;
      }
      for (JsonNode element : Nodes.all(n, "itemListElement")) {
        JsonNode item = Nodes.hasType(element, "ListItem") ? Nodes.first(element, "item") : element;
        if (item != null && isProduct(item) && listed.add(item)) {
          ordered.add(item);
        }
      }
    }
    if (ordered.size() < 2) {
      return List.of();
    }
    for (JsonNode n : nodes) {
      if (isProduct(n) && !listed.contains(n) && !isInside(n, listed)) {
        return List.of();
      }
    }
    return ordered;
  }

  /**
   * Whether {@code n} is a node nested in one of {@code containers} (a variant of a listed
   * product).
   */
  private static boolean isInside(JsonNode n, java.util.Set<JsonNode> containers) {
    for (JsonNode c : containers) {
      for (JsonNode inner : flatten(List.of(c))) {
        if (inner == n) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the items hold a product about this page: one without a URL, or whose URL is the page's
   * (host and path; query, scheme and "www." ignored). A product linking elsewhere is another
   * page's (a promoted item on a category page).
   */
  public static boolean hasProductOf(List<JsonNode> roots, String... pageUrls) {
    for (JsonNode n : flatten(roots)) {
      if (!isProduct(n)) {
        continue;
      }
      String url = Nodes.textOf(n, "url");
      if (url == null || url.isBlank()) {
        return true;
      }
      for (String page : pageUrls) {
        if (page != null && samePage(url, page)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether two URLs name the same page (host and path; query, scheme, "www." and a final "/"
   * ignored).
   */
  public static boolean samePage(String a, String b) {
    return a != null && b != null && pageKey(a).equals(pageKey(b));
  }

  private static String pageKey(String url) {
    String u =
        url.strip()
            .toLowerCase(java.util.Locale.ROOT)
            .replaceFirst("^[a-z]+://", "")
            .replaceFirst("^www\\.", "");
    int cut = u.length();
    for (char c : new char[] {'?', '#'}) {
      int i = u.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    u = u.substring(0, cut);
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  /** Whether the items hold a product. */
  public static boolean hasProduct(List<JsonNode> roots) {
    return flatten(roots).stream().anyMatch(ProductMapper::isProduct);
  }

  /**
   * Fills {@code draft} from the main product of {@code roots}; returns false when there is none.
   * {@code pageUrl} helps pick the product and offer the page is about.
   */
  public static boolean map(List<JsonNode> roots, String pageUrl, Draft draft, String layer) {
    List<JsonNode> nodes = flatten(roots);
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode n : nodes) {
      String id = Nodes.text(n, "@id");
      if (id != null && n.size() > 1) {
        byId.putIfAbsent(id, n);
      }
    }
    breadcrumbs(nodes, draft, layer);
    List<JsonNode> products = nodes.stream().filter(ProductMapper::isProduct).toList();
    if (products.isEmpty()) {
      // No product, but an offer: its item, or the page itself, is what is sold.
      JsonNode offer =
          nodes.stream()
              .filter(n -> Nodes.hasType(n, "Offer", "AggregateOffer"))
              .filter(o -> priceText(o) != null)
              .findFirst()
              .orElse(null);
      if (offer == null) {
        return false;
      }
      JsonNode item = resolve(Nodes.first(offer, "itemOffered"), byId);
      if (item != null && item.isObject()) {
        product(item, List.of(offer), pageUrl, draft, layer, byId);
      } else {
        offer(offer, draft, layer, byId);
      }
      return true;
    }
    JsonNode main = mainProduct(products, pageUrl);
    List<JsonNode> offers = new ArrayList<>();
    for (JsonNode o : Nodes.all(main, "offers")) {
      offers.add(resolve(o, byId));
    }
    // A ProductGroup's variants carry the offers; the one named in the URL is the one shown.
    for (JsonNode v : Nodes.all(main, "hasVariant")) {
      JsonNode variant = resolve(v, byId);
      for (JsonNode o : Nodes.all(variant, "offers")) {
        JsonNode offer = resolve(o, byId);
        if (offer.isObject() && variantMatches(variant, pageUrl)) {
          offers.add(0, offer);
        } else {
          offers.add(offer);
        }
      }
    }
    product(main, offers, pageUrl, draft, layer, byId);
    return true;
  }

  private static boolean variantMatches(JsonNode variant, String pageUrl) {
    if (pageUrl == null) {
      return false;
    }
    String sku = Nodes.text(variant, "sku");
    String url = Nodes.text(variant, "url");
    return (sku != null && sku.length() >= 4 && pageUrl.contains(sku))
        || (url != null && url.equals(pageUrl));
  }

  static boolean isProduct(JsonNode n) {
    for (String t : Nodes.types(n)) {
      if (PRODUCT_TYPES.contains(Nodes.lower(t))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode mainProduct(List<JsonNode> products, String pageUrl) {
    if (products.size() == 1) {
      return products.get(0);
    }
    String path = pathOf(pageUrl);
    for (JsonNode p : products) {
      String url = Nodes.text(p, "url");
      if (url != null && path != null && path.length() > 1 && path.equals(pathOf(url))) {
        return p;
      }
    }
    // Otherwise the richest product: related-product teasers carry a name and little else.
    return products.stream()
        .max(Comparator.comparingInt(ProductMapper::richness))
        .orElse(products.get(0));
  }

  private static int richness(JsonNode p) {
    int score = 0;
    for (String f :
        List.of(
            "offers",
            "sku",
            "brand",
            "description",
            "gtin13",
            "gtin",
            "mpn",
            "image",
            "aggregateRating",
            "review",
            "productID")) {
      if (p.has(f)) {
        score += f.equals("offers") ? 3 : 1;
      }
    }
    return score;
  }

  private static String pathOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String p = URI.create(url.strip().replace(" ", "%20")).getPath();
      return p == null ? null : p.replaceAll("/+$", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode resolve(JsonNode n, Map<String, JsonNode> byId) {
    if (n != null && n.isObject() && n.size() == 1 && n.has("@id")) {
      JsonNode target = byId.get(n.get("@id").asString());
      return target == null ? n : target;
    }
    return n;
  }

  private static void product(
      JsonNode p,
      List<JsonNode> offers,
      String pageUrl,
      Draft d,
      String layer,
      Map<String, JsonNode> byId) {
    d.title.offer(Nodes.text(p, "name"), layer);
    d.text.offer(Nodes.text(p, "description"), layer);
    d.brand.offer(brand(p), layer);
    d.sku.offer(Nodes.text(p, "sku"), layer);
    d.mpn.offer(Nodes.text(p, "mpn"), layer);
    for (String g : List.of("gtin13", "gtin", "gtin12", "gtin14", "gtin8", "isbn")) {
      d.gtin.offer(Nodes.text(p, g), layer);
    }
    String productId = Nodes.text(p, "productID");
    if (productId != null) {
      d.extraAttributes.putIfAbsent("productID", productId);
    }
    d.condition.offer(Nodes.enumValue(Nodes.text(p, "itemCondition")), layer);
    d.images.offer(images(p), layer);
    d.canonicalUrl.offer(Nodes.text(p, "url"), layer);
    String category = Nodes.text(p, "category");
    if (category != null && !category.startsWith("http")) {
      d.category.offer(splitCategory(category), layer);
    }
    JsonNode rating = resolve(Nodes.first(p, "aggregateRating"), byId);
    if (rating != null) {
      d.reviews.offer(
          longOf(
              Nodes.text(rating, "reviewCount") != null
                  ? Nodes.text(rating, "reviewCount")
                  : Nodes.text(rating, "ratingCount")),
          layer);
    }
    for (JsonNode prop : Nodes.all(p, "additionalProperty")) {
      String name = Nodes.text(prop, "name");
      String value = Nodes.text(prop, "value");
      if (name != null && value != null && d.extraAttributes.size() < 50) {
        d.extraAttributes.putIfAbsent(name, value);
      }
    }
    JsonNode offer = chooseOffer(offers, pageUrl);
    if (offer != null) {
      offer(offer, d, layer, byId);
    }
    if (offers.size() > 1) {
      for (JsonNode o : offers) {
        Money m = o.isObject() ? money(priceText(o), null) : null;
        if (m != null && d.markupOfferAmounts.size() < 100) {
          d.markupOfferAmounts.add(m.amount().stripTrailingZeros());
        }
      }
    }
    JsonNode seller = resolve(Nodes.first(p, "seller"), byId);
    if (seller != null) {
      seller(seller, d.seller, layer);
    }
    // productID is the shop's own reference when no sku is given ("isbn:..." forms are not).
    if (productId != null && !productId.contains(":") && !productId.contains(" ")) {
      d.sku.offer(productId, layer);
    }
  }

  /**
   * The offer the page shows: the one its URL names (by url or sku), else the first priced offer in
   * stock (a shop preselects the first variant it can sell), else the first priced one.
   */
  private static JsonNode chooseOffer(List<JsonNode> offers, String pageUrl) {
    JsonNode firstPriced = null;
    JsonNode firstInStock = null;
    for (JsonNode o : offers) {
      if (!o.isObject()) {
        continue;
      }
      boolean priced = priceText(o) != null;
      if (priced && pageUrl != null) {
        String url = Nodes.text(o, "url");
        String sku = Nodes.text(o, "sku");
        if ((url != null && url.equals(pageUrl))
            || (sku != null && sku.length() >= 4 && pageUrl.contains(sku))) {
          return o;
        }
      }
      if (priced && firstPriced == null) {
        firstPriced = o;
      }
      if (priced && firstInStock == null && !unavailable(o)) {
        firstInStock = o;
      }
    }
    if (firstInStock != null) {
      return firstInStock;
    }
    return firstPriced != null
        ? firstPriced
        : offers.stream().filter(JsonNode::isObject).findFirst().orElse(null);
  }

  /** An offer that says it cannot be bought now: out of stock, sold out, discontinued. */
  private static boolean unavailable(JsonNode offer) {
    String a = Nodes.lower(Nodes.enumValue(Nodes.text(offer, "availability")));
    return a != null
        && (a.contains("outofstock") || a.contains("soldout") || a.contains("discontinued"));
  }

  private static String priceText(JsonNode offer) {
    for (String f : List.of("price", "lowPrice")) {
      for (JsonNode v : Nodes.all(offer, f)) {
        String t = Nodes.priceScalar(v, 0);
        if (t != null) {
          return t;
        }
      }
    }
    for (JsonNode spec : Nodes.all(offer, "priceSpecification")) {
      String type = Nodes.lower(Nodes.enumValue(Nodes.text(spec, "priceType")));
      if (type == null || type.contains("sale") || type.contains("minimum")) {
        String t = Nodes.text(spec, "price");
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  private static void offer(JsonNode o, Draft d, String layer, Map<String, JsonNode> byId) {
    String currency = Nodes.text(o, "priceCurrency");
    if (currency == null) {
      JsonNode spec = Nodes.first(o, "priceSpecification");
      currency = Nodes.text(spec, "priceCurrency");
    }
    String iso = currency == null ? null : isoOf(currency);
    d.currency.offer(iso, layer);
    Money price = money(priceText(o), iso);
    boolean offered = !d.price.isSet();
    d.price.offer(price, layer);
    if (offered && price != null && Nodes.text(o, "price") == null) {
      Money high = money(Nodes.text(o, "highPrice"), iso);
      if (high != null && high.amount().compareTo(price.amount()) > 0) {
        d.priceRangeHigh = high;
      }
    }
    for (JsonNode spec : Nodes.all(o, "priceSpecification")) {
      String type = Nodes.lower(Nodes.enumValue(Nodes.text(spec, "priceType")));
      if (type != null
          && (type.contains("list") || type.contains("strikethrough") || type.contains("msrp"))) {
        d.listPrice.offer(money(Nodes.text(spec, "price"), iso), layer);
      }
    }
    d.availability.offer(Nodes.enumValue(Nodes.text(o, "availability")), layer);
    d.condition.offer(Nodes.enumValue(Nodes.text(o, "itemCondition")), layer);
    d.sku.offer(Nodes.text(o, "sku"), layer);
    for (String g : List.of("gtin13", "gtin", "gtin12", "gtin14", "gtin8")) {
      d.gtin.offer(Nodes.text(o, g), layer);
    }
    JsonNode seller = resolve(Nodes.first(o, "seller"), byId);
    if (seller != null) {
      seller(seller, d.seller, layer);
    }
  }

  private static String isoOf(String currency) {
    String c = currency.strip();
    if (Currencies.isIsoCode(c.toUpperCase(java.util.Locale.ROOT))) {
      return c.toUpperCase(java.util.Locale.ROOT);
    }
    return Currencies.toIso(c, null);
  }

  /**
   * A schema.org price: a plain number uses "." as decimal point; anything else is parsed as shown.
   */
  static Money money(String text, String iso) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    BigDecimal amount = null;
    if (t.matches("\\d+(\\.\\d+)?")) {
      amount = new BigDecimal(t);
    } else {
      ParsedPrice p = PriceParser.parse(t, null, null, null);
      amount = p.amount();
      if (iso == null) {
        iso = p.currencyIso();
      }
    }
    // Zero is a placeholder in markup far more often than a free product.
    if (amount == null || amount.signum() <= 0) {
      return null;
    }
    return new Money(amount, iso);
  }

  private static String brand(JsonNode p) {
    String b = Nodes.text(p, "brand");
    // A bare reference ("#brand", a blank node, a URL) names no brand a reader could use.
    return b == null || b.startsWith("http") || b.startsWith("#") || b.startsWith("_:") ? null : b;
  }

  private static List<String> images(JsonNode p) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode img : Nodes.all(p, "image")) {
      String url =
          img.isObject()
              ? firstNonNull(Nodes.text(img, "contentUrl"), Nodes.text(img, "url"))
              : Nodes.scalar(img);
      if (url != null && out.size() < 20) {
        out.add(url);
      }
    }
    return new ArrayList<>(out);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static List<String> splitCategory(String c) {
    List<String> out = new ArrayList<>();
    for (String part : c.split("\\s*(?:>|»|/|\\|)\\s*")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static void breadcrumbs(List<JsonNode> nodes, Draft d, String layer) {
    for (JsonNode n : nodes) {
      if (!Nodes.hasType(n, "BreadcrumbList")) {
        continue;
      }
      List<JsonNode> items = new ArrayList<>(Nodes.all(n, "itemListElement"));
      items.sort(
          Comparator.comparingDouble(
              i -> {
                String pos = Nodes.text(i, "position");
                try {
                  return pos == null ? Double.MAX_VALUE : Double.parseDouble(pos);
                } catch (NumberFormatException e) {
                  return Double.MAX_VALUE;
                }
              }));
      List<String> names = new ArrayList<>();
      for (JsonNode i : items) {
        String name = Nodes.text(i, "name");
        if (name == null) {
          name = Nodes.text(Nodes.first(i, "item"), "name");
        }
        if (name != null && !name.isBlank()) {
          names.add(name.strip());
        }
      }
      d.category.offer(names, layer);
    }
  }

  /** Seller fields from an Organization, Person, Store or LocalBusiness node. */
  public static void seller(JsonNode s, SellerDraft out, String layer) {
    if (s == null) {
      return;
    }
    if (s.isValueNode()) {
      out.name.offer(Nodes.scalar(s), layer);
      return;
    }
    out.name.offer(Nodes.text(s, "name"), layer);
    out.url.offer(firstNonNull(Nodes.text(s, "url"), Nodes.text(s, "sameAs")), layer);
    out.taxCode.offer(firstNonNull(Nodes.text(s, "taxID"), Nodes.text(s, "vatID")), layer);
    String reg = Nodes.text(s, "identifier");
    if (reg == null) {
      reg = Nodes.text(s, "leiCode");
    }
    out.businessRegistration.offer(reg, layer);
    JsonNode address = Nodes.first(s, "address");
    if (address != null) {
      if (address.isObject()) {
        List<String> parts = new ArrayList<>();
        for (String f :
            List.of(
                "streetAddress",
                "addressLocality",
                "addressRegion",
                "postalCode",
                "addressCountry")) {
          String v = Nodes.text(address, f);
          if (v != null && !parts.contains(v)) {
            parts.add(v);
          }
        }
        out.address.offer(parts.isEmpty() ? null : String.join(", ", parts), layer);
        out.province.offer(
            firstNonNull(
                Nodes.text(address, "addressRegion"), Nodes.text(address, "addressLocality")),
            layer);
      } else {
        out.address.offer(Nodes.scalar(address), layer);
      }
    }
    for (JsonNode t : Nodes.all(s, "telephone")) {
      String v = Nodes.scalar(t);
      if (v != null) {
        out.phones.add(v);
      }
    }
    for (JsonNode e : Nodes.all(s, "email")) {
      String v = Nodes.scalar(e);
      if (v != null) {
        out.emails.add(v.replaceFirst("^mailto:", ""));
      }
    }
  }

  private static Long longOf(String s) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s.replaceAll("[^\\d.]", "")).longValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
