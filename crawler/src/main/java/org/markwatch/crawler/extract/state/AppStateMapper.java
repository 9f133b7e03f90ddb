package org.markwatch.crawler.extract.state;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.text.Currencies;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.PriceParser;
import org.markwatch.model.Money;
import tools.jackson.databind.JsonNode;

/**
 * Finds the product in embedded application state: the object that looks most like a product (a
 * name, a price, an id, a brand, a currency) and best matches the page (its id in the URL, its name
 * as the title). Key names vary by framework, so several spellings are read.
 */
public final class AppStateMapper {
  private static final int MAX_NODES = 100_000;
  private static final List<String> NAME =
      List.of("name", "title", "productName", "product_name", "item_name");
  private static final List<String> PRICE =
      List.of(
          "price",
          "salePrice",
          "sale_price",
          "finalPrice",
          "final_price",
          "currentPrice",
          "current_price",
          "priceValue",
          "price_amount",
          "value",
          "amount");
  private static final List<String> ID =
      List.of(
          "sku",
          "productId",
          "product_id",
          "productSKU",
          "item_id",
          "itemId",
          "id",
          "content_ids",
          "articleNumber");
  private static final List<String> CURRENCY =
      List.of("currency", "priceCurrency", "currencyCode", "currency_code");
  private static final List<String> BRAND =
      List.of("brand", "brandName", "brand_name", "item_brand", "manufacturer");
  private static final List<String> GTIN =
      List.of("gtin", "gtin13", "ean", "ean13", "barcode", "upc");
  private static final Set<String> PRICE_KEYS =
      Set.of(
          "price",
          "saleprice",
          "sale_price",
          "finalprice",
          "final_price",
          "currentprice",
          "current_price",
          "pricevalue",
          "price_amount");

  private AppStateMapper() {}

  /** The product object of the state, as found by {@link #find}. */
  public record Found(JsonNode product, String currency) {}

  /**
   * Fills the draft's missing fields from the best product-like object, except the price, which
   * {@link #fillPrice} sets later when the page shows none; null when no object matches the page.
   */
  public static Found map(List<JsonNode> roots, String pageUrl, Draft d) {
    Found f = find(roots, pageUrl, d.title.get());
    if (f == null) {
      return null;
    }
    String layer = Layers.APPSTATE;
    JsonNode best = f.product();
    d.title.offer(text(best, NAME), layer);
    String brand = text(best, BRAND);
    if (brand != null && brand.length() > 1 && !brand.matches("\\d+")) {
      d.brand.offer(brand, layer);
    }
    d.sku.offer(text(best, List.of("sku", "productSKU", "articleNumber")), layer);
    d.gtin.offer(text(best, GTIN), layer);
    d.mpn.offer(text(best, List.of("mpn", "manufacturerPartNumber")), layer);
    return f;
  }

  /** Sets the price (and currency) from the state's product when no layer found one. */
  public static void fillPrice(Found f, Draft d) {
    if (f == null || d.price.isSet()) {
      return;
    }
    String layer = Layers.APPSTATE;
    JsonNode best = f.product();
    String bestCurrency = f.currency();
    String iso = bestCurrency == null ? null : iso(bestCurrency);
    String priceText = priceText(best);
    if (priceText != null) {
      BigDecimal amount =
          priceText.matches("\\d+(\\.\\d+)?")
              ? new BigDecimal(priceText)
              : PriceParser.parse(priceText, bestCurrency, null, null).amount();
      if (amount != null && amount.signum() > 0) {
        ParsedPrice p = PriceParser.parse(priceText, bestCurrency, null, null);
        d.price.offer(new Money(amount, iso != null ? iso : p.currencyIso()), layer);
        d.currency.offer(iso != null ? iso : p.currencyIso(), layer);
      }
    }
  }

  static Found find(List<JsonNode> roots, String pageUrl, String title) {
    JsonNode best = null;
    String bestCurrency = null;
    // Only an object tied to this page counts (its id in the URL, its name as the title): state
    // blobs also carry carts, recommendations and the shop's own name.
    int bestScore = 5;
    int seen = 0;
    for (JsonNode root : roots) {
      // Each entry: a node and the currency named nearest above it (GA puts it beside "detail").
      Deque<Object[]> stack = new ArrayDeque<>();
      stack.push(new Object[] {root, null});
      while (!stack.isEmpty() && seen++ < MAX_NODES) {
        Object[] top = stack.pop();
        JsonNode n = (JsonNode) top[0];
        String inherited = (String) top[1];
        if (n.isArray()) {
          for (int i = n.size() - 1; i >= 0; i--) {
            stack.push(new Object[] {n.get(i), inherited});
          }
          continue;
        }
        if (!n.isObject()) {
          continue;
        }
        String own = text(n, CURRENCY);
        String currency = own != null ? own : inherited;
        int score = score(n, pageUrl, title);
        if (score > bestScore) {
          best = n;
          bestScore = score;
          bestCurrency = currency;
        }
        for (var e : n.properties()) {
          if (e.getValue().isObject() || e.getValue().isArray()) {
            stack.push(new Object[] {e.getValue(), currency});
          }
        }
      }
    }
    return best == null ? null : new Found(best, bestCurrency);
  }

  private static int score(JsonNode n, String pageUrl, String title) {
    boolean hasPrice =
        priceText(n) != null
            && n.properties().stream()
                .anyMatch(e -> PRICE_KEYS.contains(e.getKey().toLowerCase(Locale.ROOT)));
    if (!hasPrice) {
      return 0;
    }
    int score = 2;
    String name = text(n, NAME);
    if (name != null) {
      score += 1;
      if (title != null && name.strip().equalsIgnoreCase(title.strip())) {
        score += 3;
      }
    }
    String id = text(n, ID);
    if (id != null) {
      score += 1;
      if (pageUrl != null && id.length() >= 3 && pageUrl.contains(id)) {
        score += 3;
      }
    }
    if (text(n, BRAND) != null) {
      score += 1;
    }
    if (text(n, CURRENCY) != null) {
      score += 1;
    }
    return score;
  }

  private static String priceText(JsonNode n) {
    for (String k : PRICE) {
      JsonNode v = get(n, k);
      if (v == null) {
        continue;
      }
      if (v.isNumber() || v.isString()) {
        String s = v.asString().strip();
        if (!s.isEmpty() && s.matches(".*\\d.*") && s.length() < 40) {
          return s;
        }
      }
      if (v.isObject()) {
        for (String inner : List.of("value", "amount", "raw", "current", "sale", "final")) {
          JsonNode iv = v.get(inner);
          if (iv != null && (iv.isNumber() || iv.isString()) && iv.asString().matches(".*\\d.*")) {
            return iv.asString().strip();
          }
        }
      }
    }
    return null;
  }

  private static JsonNode get(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v;
  }

  private static String text(JsonNode n, List<String> keys) {
    for (String k : keys) {
      JsonNode v = get(n, k);
      if (v == null) {
        continue;
      }
      if (v.isArray() && !v.isEmpty()) {
        v = v.get(0);
      }
      if (v.isObject()) {
        v = v.get("name");
      }
      if (v != null && (v.isString() || v.isNumber())) {
        String s = v.asString().strip();
        if (!s.isEmpty() && s.length() < 300) {
          return s;
        }
      }
    }
    return null;
  }

  private static String iso(String currency) {
    String c = currency.strip().toUpperCase(Locale.ROOT);
    return Currencies.isIsoCode(c) ? c : Currencies.toIso(currency.strip(), null);
  }
}
