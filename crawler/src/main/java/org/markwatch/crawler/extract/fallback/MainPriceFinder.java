package org.markwatch.crawler.extract.fallback;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.RepeatedCards;
import org.markwatch.crawler.extract.html.SplitCents;
import org.markwatch.crawler.extract.html.StruckClasses;
import org.markwatch.crawler.extract.text.Currencies;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.crawler.extract.text.PriceParser;
import org.markwatch.crawler.extract.text.PriceRange;

/**
 * The generic fallback for the price: the price-looking text that sits near the product title and
 * the buy button, marked as a price by its class or written with a currency, and not struck
 * through, "was", "save" or in a list of other products. Scores, not rules: the best candidate
 * above a threshold wins.
 */
public final class MainPriceFinder {
  /** Elements of a page looked at, at most. */
  public static final int MAX_ELEMENTS = 60_000;

  private static final Pattern PRICE_CLASS =
      Pattern.compile(
          "price|preis|prix|precio|prezzo|cena|cijena|giá|gia-|_gia|" + "amount|cost|deal|sale");
  private static final Pattern GOOD_CLASS =
      Pattern.compile(
          "sale|special|final|current|now|actual|our|main|primary|"
              + "selling|offer|deal|big|large|product-price|price-box|pdp");
  private static final Pattern BAD_CLASS =
      Pattern.compile(
          PriceLabels.OLD_PRICE_CLASS_WORDS
              + "|regular|list|retail|save|saving|discount|instal|month|shipping|delivery|postage|tax|vat|unit|per-|prev|"
              + "min-|max-|range|filter|slider|coupon|points|reward|bonus|cashback|club|member|"
              + "excl|netto|(?<![a-z])net(?![a-z])");
  private static final Pattern BAD_CONTEXT =
      Pattern.compile(
          "related|recommend|similar|carousel|upsell|cross-?sell|"
              + "also|recent|viewed|mini-?cart|basket-|cart-|header|footer|menu|nav|sidebar|banner|promo-bar|bundle|accessor|"
              + "compare|review|filter|facet|slider|suggest|teaser|tile|grid|list-item|product-list|product-item");
  private static final Pattern BUY =
      // Matched against the lower-cased label: a case-insensitive Unicode regex costs several times
      // more, and this one runs on every link of a page until a buy button is found.
      Pattern.compile(
          "add[ -_]?to[ -_]?(?:cart|bag|basket|trolley)|buy|purchase|"
              + "warenkorb|kaufen|ajouter|acheter|panier|comprar|añadir|carrito|aggiungi|carrello|koszyk|košík|kosik|do košíka|"
              + "mua ngay|thêm vào giỏ|đặt mua|加入購物車|購買|立即|カート|장바구니|в корзину|купить");

  private static final Pattern WAS =
      Pattern.compile(PriceLabels.OLD_PRICE_CLASS_WORDS + "|regular|list|gia-goc|giagoc|price-goc");

  /**
   * The heading of a block of other products ("Related products", "Sản phẩm liên quan"). Prices
   * after such a heading that comes after the page's own heading belong to those products. Matched
   * against the lower-cased heading.
   */
  private static final Pattern RELATED_HEADING =
      Pattern.compile(
          "related|similar|you may also|you might also|also bought|also viewed|also like|"
              + "customers who|recommended|recently viewed|more from|more like this|"
              + "frequently bought|complete the look|zubehör|ähnliche|das könnte|kunden kauften|"
              + "vous aimerez|produits similaires|vous pourriez|relacionados|también te|"
              + "correlati|potrebbe piacerti|podobné|související|polecamy|podobne|"
              + "liên quan|tương tự|có thể bạn|gợi ý|xem thêm|関連商品|この商品を見た人|"
              + "おすすめ|相关|推荐|猜你喜欢|관련 상품|похожие|рекомендуем|"
              + "other products|more products|from this shop|you may like|"
              + "sản phẩm khác|cùng nhà cung cấp|cùng thương hiệu|cùng loại|đã xem|"
              + "рекомендован|схожі|з цим товаром|с этим товаром|вы смотрели|переглянут|просмотренн|"
              + "semelhantes|você também|quem viu|vergelijkbare|misschien ook|benzer ürün|ilginizi|"
              + "produk serupa|rekomendasi|liknande|lignende|relaterte|du kanske|"
              + "สินค้าที่เกี่ยวข้อง|สินค้าแนะนำ|類似|추천|منتجات ذات صلة|منتجات مشابهة|قد يعجبك|"
              // Other sellers' offers of the same product, listed under the buy box.
              + "other offers|other sellers|more buying choices|weitere angebote|andere anbieter|"
              + "autres offres|autres vendeurs|otras ofertas|otros vendedores|altre offerte|"
              + "altri venditori|inne oferty|další nabídky|outras ofertas|outros vendedores|"
              + "nhà bán khác|その他の出品|다른 판매자");

  private static final Pattern NUMBERS = Pattern.compile("\\d+(?:[.,' \u00a0]\\d+)*");

  /** Elements between the main price and a badge or the other price of its pair, at most. */
  private static final int BADGE_REACH = 15;

  /**
   * The new and old price of the pair beside {@code bestAt} whose difference is the percentage of a
   * discount badge beside it, when the chosen price is one of them; null when none. Shops that
   * strike the old price with a style sheet show it this way only.
   */
  private static BigDecimal[] badgePair(
      int bestAt, BigDecimal best, List<Placed> shown, List<Placed> badges) {
    for (Placed badge : badges) {
      if (Math.abs(badge.at() - bestAt) > BADGE_REACH) {
        continue;
      }
      for (Placed other : shown) {
        BigDecimal amount = other.value();
        if (other.at() == bestAt
            || Math.abs(other.at() - bestAt) > BADGE_REACH
            || amount.compareTo(best) == 0) {
          continue;
        }
        BigDecimal hi = amount.max(best);
        BigDecimal lo = amount.min(best);
        if (PriceLabels.isDiscounted(hi, lo, badge.value().doubleValue())) {
          return new BigDecimal[] {lo, hi};
        }
      }
    }
    return null;
  }

  /** A number found at a position of the page's element list: an amount, or a badge's percent. */
  private record Placed(int at, BigDecimal value) {}

  private static final Pattern INSTALMENT =
      Pattern.compile(
          "\\d\\s*(?:x|×)\\s*\\d+\\s*(?:kỳ|tháng|months?|meses|mois|monate|rat|raty|cuotas|parcelas|期)"
              + "|(?:x|×)\\s*\\d+\\s*(?:kỳ|tháng|months?|meses|mois|monate|rat|raty|cuotas|parcelas|期)"
              + "|\\d+\\s*(?:x|×)\\s*(?:de\\s*)?[^\\d\\s]{0,4}\\s*\\d"
              + "|trả góp|trả sau|installments?|instalments?|payments of|cuotas|parcelas|raty|ratenzahlung"
              + "|taksit|cicilan|ansuran|ผ่อน|할부|分割"
              + "|分期|/\\s*(?:tháng|month|mo|mes|monat|mois)(?!\\p{L})|per month|a month|mtl\\.|monatlich");

  /**
   * Whether {@code e} sits in a line about paying in parts (its text and its parent's), or in a
   * table of such plans ("Taksit Seçenekleri": bank, months, monthly amount, total).
   */
  private static boolean inInstalmentLine(Element e, Map<Element, Boolean> instalmentTables) {
    Element table = e.closest(Css.of("table"));
    if (table != null
        && instalmentTables.computeIfAbsent(table, MainPriceFinder::isInstalmentTable)) {
      return true;
    }
    Element line = e.parent();
    if (line == null || line.childrenSize() > 12) {
      return false;
    }
    String text = line.text();
    if (text.length() > 200) {
      return false;
    }
    return INSTALMENT.matcher(text.toLowerCase(Locale.ROOT)).find();
  }

  /** Whether a table's caption, head or the element before it speaks of paying in parts. */
  private static boolean isInstalmentTable(Element table) {
    Element head = table.selectFirst(Css.of("caption, thead"));
    Element before = table.previousElementSibling();
    for (Element label : new Element[] {head, before}) {
      if (label != null
          && !longerThan(label, 120)
          && INSTALMENT.matcher(label.text().toLowerCase(Locale.ROOT)).find()) {
        return true;
      }
    }
    return false;
  }

  /** The label of a delivery cost, matched against the lower-cased text before a price. */
  private static final Pattern SHIPPING_LABEL =
      Pattern.compile(
          "ship|delivery|postage|freight|versand|lieferung|livraison|envío|envio|spedizione|frete"
              + "|vận chuyển|giao hàng|phí ship|wysyłka|dostawa|doprava|verzending|frakt|運費|运费|送料|배송비|ค่าส่ง"
              + "|доставк|курьер|самовывоз|kargo|ongkir|pengiriman|bezorg|levering|leverans|fragt|toimitus"
              + "|entrega|despacho|配送|배송|จัดส่ง|شحن|توصيل");

  /** An amount whose cents follow the currency sign: "129€99", "13 €00". */
  private static final Pattern SIGN_AS_POINT =
      Pattern.compile("^\\D{0,20}?\\d{1,3}(?:[ .\u00a0]\\d{3})*\\s?[€£]\\s?\\d{2}\\D{0,20}$");

  /** Words before an amount that is part of the price, not the price: "dont 0,50 € d'éco-part". */
  private static final Pattern PART_OF_PRICE =
      Pattern.compile(
          "^(?:dont|davon|of which|incl\\.?|inkl\\.?|including|inclusief|incluido|incluso|trong đó)$");

  /** A price written as an addition: "+ 25 SAR", "(+€10)". */
  private static final Pattern SURCHARGE = Pattern.compile("^[\\s(\\[]*\\+");

  private MainPriceFinder() {}

  /**
   * The main price of a product page, or {@link ParsedPrice#NONE}, read with the page's {@code
   * facts} (its heading, struck classes and country), found once by the caller.
   */
  public static Result find(Document doc, PageFacts facts) {
    return find(doc, facts, null);
  }

  /**
   * As {@link #find(Document, PageFacts)}, with the main price known ({@code shownAmount}, e.g.
   * from markup): the list price is the one beside the element that shows that amount, wherever the
   * page shows other prices first (a card holder's price above the price everybody pays).
   */
  public static Result find(Document doc, PageFacts facts, BigDecimal shownAmount) {
    Element heading = facts.heading();
    String country = facts.country();
    if (doc.body() == null) {
      return Result.NONE;
    }
    List<Element> all = doc.body().getAllElements();
    if (all.size() > MAX_ELEMENTS) {
      all = all.subList(0, MAX_ELEMENTS);
    }
    Set<Element> productBox = PageHints.ancestors(heading);
    RepeatedCards otherCards = new RepeatedCards(productBox);
    StruckClasses styles = facts.styles();
    int titleAt = -1;
    int buyAt = -1;
    int buyAfterTitle = -1;
    int otherProductsAt = -1;
    for (int i = 0; i < all.size(); i++) {
      Element e = all.get(i);
      String tag = e.normalName();
      if (titleAt < 0 && e == heading) {
        titleAt = i;
      }
      if (titleAt >= 0 && otherProductsAt < 0 && isOtherProductsHeading(e)) {
        otherProductsAt = i;
      }
      if ((buyAt < 0 || titleAt >= 0 && buyAfterTitle < 0)
          && (tag.equals("button") || tag.equals("input") || tag.equals("a"))
          && isBuy(e)) {
        if (buyAt < 0) {
          buyAt = i;
        }
        if (titleAt >= 0) {
          buyAfterTitle = i;
        }
      }
    }
    // The blocks around the buy button: a buy box in an <aside> beside the gallery is the
    // product's.
    Set<Element> buyBox =
        buyAfterTitle < 0 ? Set.of() : PageHints.ancestors(all.get(buyAfterTitle));
    double best = shownAmount == null ? 1.5 : 0;
    ParsedPrice bestPrice = ParsedPrice.NONE;
    int bestAt = -1;
    List<int[]> struck = new java.util.ArrayList<>();
    Map<Element, Boolean> badContext = new IdentityHashMap<>();
    List<BigDecimal> struckAmounts = new java.util.ArrayList<>();
    boolean taxedSeen = false;
    Map<Element, Boolean> instalmentTables = new IdentityHashMap<>();
    // Every amount written with its currency, and every "-25%" badge, by position: a badge beside
    // two prices tells the old one from the new when no markup strikes it.
    List<Placed> shown = new java.util.ArrayList<>();
    List<Placed> badges = new java.util.ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Element e = all.get(i);
      String tag = e.normalName();
      if (tag.equals("script")
          || tag.equals("style")
          || tag.equals("option")
          || tag.equals("noscript")) {
        continue;
      }
      // Cheap tests first: most elements have neither a price class nor a digit of their own.
      String names = e.attributesSize() == 0 ? "" : names(e);
      boolean priceClass = !names.isBlank() && PRICE_CLASS.matcher(names).find();
      boolean ownDigit = ownHasDigit(e);
      if (!priceClass && !ownDigit) {
        continue;
      }
      if (ownDigit && e.childrenSize() == 0) {
        java.util.OptionalDouble badge = PriceLabels.discountBadge(e.ownText());
        if (badge.isPresent()) {
          badges.add(new Placed(i, BigDecimal.valueOf(badge.getAsDouble())));
          continue;
        }
      }
      if (e.childrenSize() <= 6 && longerThan(e, 60)) {
        // More than 60 visible characters: no price tag; its children compete instead.
        continue;
      }
      if (e.childrenSize() == 0 && SplitCents.isPart(e)) {
        continue; // "16," and "49" of "16,<sup>49</sup> €": the element around them is the price
      }
      String text = e.childrenSize() > 6 ? e.ownText() : withCents(e);
      if (text.length() > 60 || text.isBlank() || text.chars().noneMatch(Character::isDigit)) {
        continue;
      }
      String symbol = Currencies.findSymbol(text, null);
      if (symbol == null && ownDigit) {
        // Amount and currency in sibling elements: <span>294</span><span>元</span>.
        Element next = e.nextElementSibling();
        Element prev = e.previousElementSibling();
        if (next != null
            && next.text().strip().length() <= 4
            && Currencies.findSymbol(next.text(), null) != null) {
          text = text + " " + next.text().strip();
        } else if (prev != null
            && prev.text().strip().length() <= 4
            && Currencies.findSymbol(prev.text(), null) != null) {
          text = prev.text().strip() + " " + text;
        }
        symbol = Currencies.findSymbol(text, null);
      }
      if (symbol == null && !priceClass) {
        continue;
      }
      if (symbol != null && !priceClass && !againstAmount(text, symbol)) {
        // A code written in letters ("LS", "Br", "E") inside some other text ("SKU: LS-CND-0042").
        continue;
      }
      String lowEnd = PriceRange.lowEnd(text);
      if (lowEnd != null) {
        // "₫199.000 - ₫259.000": the variants' range; the low end is what the page asks first.
        text = lowEnd;
      }
      // "129€99": the currency sign written as the decimal point (French shops) is one amount.
      boolean several =
          NUMBERS.matcher(text).results().count() > 1 && !SIGN_AS_POINT.matcher(text).find();
      String priceText = text;
      if (several) {
        // Several numbers: a container of prices (its children compete instead), or a line such as
        // "special price 7 折 294 元" whose price is the number written against the currency.
        priceText = symbol == null ? null : besideSymbol(text, symbol);
        String afterOld = symbol == null ? null : ownPriceAfterOld(e, styles, symbol);
        if (afterOld != null) {
          // "<span class=old>UVP 16,90 EUR</span><br>Nur 14,90 EUR": the old price is a child,
          // the price asked is the container's own text.
          priceText = afterOld;
          text = e.ownText();
          several = false;
        } else if (priceText == null || text.length() > 40 || oldAndNewInside(e, styles)) {
          continue;
        }
      }
      ParsedPrice p = PriceParser.parse(priceText, null, null, country);
      if (!p.hasAmount()
          || p.amount().signum() <= 0
          || p.amount().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
        continue;
      }
      double score = (priceClass ? 2 : 0) + (symbol != null ? 2 : 0);
      if (GOOD_CLASS.matcher(names).find()) {
        score += 0.5;
      }
      if (BAD_CLASS.matcher(names).find()) {
        score -= 2;
      }
      boolean wasLabel = PriceLabels.saysWas(e, text);
      boolean struckOut = struckThrough(e, styles) || struckInside(e, text);
      if (wasLabel || struckOut) {
        // A price struck through or labelled as the former one is never the one to pay.
        score -= 2;
      }
      if (wasLabel || WAS.matcher(names).find() || struckOut) {
        struck.add(new int[] {i});
        struckAmounts.add(p.amount());
      }
      if (symbol != null) {
        shown.add(new Placed(i, p.amount()));
      }
      String leading = PriceLabels.leadingWords(text);
      if (SHIPPING_LABEL.matcher(PriceLabels.labelBefore(e)).find()
          || SHIPPING_LABEL.matcher(leading).find()) {
        // "Cost to ship: <b>$4.50</b>", "Phí vận chuyển: 30.000₫": what delivery costs.
        score -= 3;
      }
      if (inInstalmentLine(e, instalmentTables)) {
        // "chỉ từ <b>₫396.667</b> x 3 kỳ", "4 payments of <b>$12.25</b>": a part, not the price.
        score -= 3;
      }
      if (PART_OF_PRICE.matcher(leading).find()
          || PriceLabels.namesOtherOffer(leading)
          || PriceLabels.namesThreshold(leading)) {
        score -= 3;
      }
      if (PriceLabels.saysBeforeTax(e, text)) {
        // "329,75 € HTVA", "Nettó ár: 70 858 Ft": before tax, after the price everybody pays. A
        // shop selling to businesses shows the price before tax first ("bez DPH 4386,00 €" above
        // "s DPH 5263,20 €"), and asks that one.
        if (taxedSeen) {
          score -= 3;
        }
      } else if (symbol != null && !struckOut && !wasLabel && titleAt >= 0 && i > titleAt) {
        taxedSeen = true;
      }
      if (PriceLabels.saysMemberPrice(e, text)) {
        // "2 290 ₽ c Ozon Картой", "Giá Smember": a price for card holders or members only.
        score -= 3;
      }
      if (SURCHARGE.matcher(text).find()) {
        // "(+ 25 SAR)", "+ CHF 59.00": what an option adds to the price, not the price.
        score -= 3;
      }
      if (text.contains("%") || PriceLabels.saysDiscount(text)) {
        score -= 2;
      }
      if (text.contains("=") || several) {
        score -= 1.5;
      }
      if (text.codePoints().filter(Character::isLetter).count() > 12) {
        // A sentence around a number ("spend over $590 and get ..."), not a price tag.
        score -= 3;
      }
      if (e.closest(Css.of("a")) != null) {
        score -= 1;
      }
      score -= contextPenalty(e, badContext, productBox, buyBox);
      if (otherProductsAt >= 0 && i > otherProductsAt) {
        score -= 3;
      }
      if (titleAt >= 0) {
        int d = i - titleAt;
        score += d >= 0 ? 3.0 * Math.max(0, 1 - d / 300.0) : -Math.min(1.5, -d / 200.0);
      }
      if (buyAt >= 0) {
        score += 2.0 * Math.max(0, 1 - Math.abs(i - buyAt) / 300.0);
      }
      if (score > best && otherCards.inCard(e)) {
        // A card in a row of other products, whatever the row's heading says (looked for only
        // when the price could win: the climb is the dearest test here).
        score -= 3;
      }
      if (score > best
          && (shownAmount == null
              || p.amount().compareTo(shownAmount) == 0
                  && (otherProductsAt < 0 || i < otherProductsAt))) {
        best = score;
        bestAt = i;
        bestPrice =
            p.currencyIso() == null && symbol != null
                ? new ParsedPrice(p.amount(), symbol, Currencies.toIso(symbol, country))
                : p;
      }
    }
    if (!bestPrice.hasAmount()) {
      return Result.NONE;
    }
    // The list price: a struck-through or "was" price right next to the main one, and higher.
    BigDecimal listPrice = null;
    int nearest = Integer.MAX_VALUE;
    for (int k = 0; k < struck.size(); k++) {
      int distance = Math.abs(struck.get(k)[0] - bestAt);
      if (distance <= 40
          && distance < nearest
          && struckAmounts.get(k).compareTo(bestPrice.amount()) > 0) {
        nearest = distance;
        listPrice = struckAmounts.get(k);
      }
    }
    if (listPrice == null) {
      BigDecimal[] pair = badgePair(bestAt, bestPrice.amount(), shown, badges);
      if (pair != null) {
        bestPrice = new ParsedPrice(pair[0], bestPrice.currencySymbol(), bestPrice.currencyIso());
        listPrice = pair[1];
      }
    }
    return new Result(bestPrice, listPrice);
  }

  /**
   * Whether the page shows {@code amount} as a price before tax ("Nettó ár: 70 858 Ft") after the
   * price with tax {@code withTax}: markup that gives the price before tax is then not the price a
   * buyer pays. A shop that shows the price before tax first (to businesses: "bez DPH 4386,00 €"
   * above "s DPH 5263,20 €") asks that one.
   */
  public static boolean showsBeforeTaxAfter(
      Document doc, PageFacts facts, BigDecimal amount, BigDecimal withTax) {
    if (doc.body() == null || amount == null) {
      return false;
    }
    boolean withTaxSeen = false;
    List<Element> all = doc.body().getAllElements();
    for (int i = 0; i < all.size() && i < MAX_ELEMENTS; i++) {
      Element e = all.get(i);
      if (!ownHasDigit(e) || longerThan(e, 60)) {
        continue;
      }
      String text = withCents(e);
      ParsedPrice p = PriceParser.parse(text, null, null, facts.country());
      if (!p.hasAmount()) {
        continue;
      }
      if (p.amount().compareTo(withTax) == 0) {
        withTaxSeen = true;
      } else if (p.amount().compareTo(amount) == 0 && PriceLabels.saysBeforeTax(e, text)) {
        return withTaxSeen;
      }
    }
    return false;
  }

  /** The main price, and the list price shown beside it (null when none). */
  public record Result(ParsedPrice price, BigDecimal listPrice) {
    public static final Result NONE = new Result(ParsedPrice.NONE, null);
  }

  /**
   * Whether the amount of {@code e}'s text sits in a struck-through element inside it: "statt
   * <strike>CHF 1'490.00</strike>" is the old price as a whole.
   */
  private static boolean struckInside(Element e, String text) {
    if (e.childrenSize() == 0) {
      return false;
    }
    Element inner = e.selectFirst(Css.of("del, s, strike"));
    if (inner == null) {
      return false;
    }
    String struck = inner.text().replaceAll("\\D", "");
    return !struck.isEmpty() && struck.equals(text.replaceAll("\\D", ""));
  }

  /**
   * Whether {@code e}'s children are a struck price and another ("S$ 129.00" struck, "S$ 89.90"):
   * the children compete, and the container is neither.
   */
  /**
   * The amount written in {@code e}'s own text when a child of it holds the old price (struck, in
   * an "old" class or under a "was" label), else null.
   */
  private static String ownPriceAfterOld(Element e, StruckClasses styles, String symbol) {
    String own = e.ownText();
    if (own.length() > 40 || own.chars().noneMatch(Character::isDigit)) {
      return null;
    }
    String amount = besideSymbol(own, symbol);
    if (amount == null) {
      return null;
    }
    for (Element c : e.children()) {
      String t = c.text();
      if (t.length() <= 40
          && t.chars().anyMatch(Character::isDigit)
          && (struckThrough(c, styles)
              || PriceLabels.saysWas(c, t)
              || (c.attributesSize() > 0 && WAS.matcher(names(c)).find()))) {
        return amount;
      }
    }
    return null;
  }

  private static boolean oldAndNewInside(Element e, StruckClasses styles) {
    Set<String> amounts = new HashSet<>();
    boolean struck = false;
    for (Element c : e.children()) {
      String t = c.text();
      if (t.length() <= 30
          && t.chars().anyMatch(Character::isDigit)
          && Currencies.findSymbol(t, null) != null) {
        amounts.add(t.replaceAll("\\D", ""));
        // The old price may sit a level down: <div><s>Rp749.000</s></div>.
        struck |= struckThrough(c, styles) || c.selectFirst(Css.of("del, s, strike")) != null;
      }
    }
    return struck && amounts.size() > 1;
  }

  private static boolean struckThrough(Element e, StruckClasses styles) {
    for (Element p = e; p != null && p.parent() != null; p = p.parent()) {
      String tag = p.normalName();
      if (tag.equals("del") || tag.equals("s") || tag.equals("strike")) {
        return true;
      }
      // "line-through" is also the class utility style sheets (Tailwind) strike text with.
      if (p.attributesSize() > 0
          && (p.attr("style").contains("line-through")
              || p.hasClass("line-through")
              || styles.strikes(p))) {
        return true;
      }
      if (tag.equals("body") || p.childrenSize() > 8) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the amount in {@code text} is written against {@code symbol}. A currency sign ("$",
   * "€", "₫") always counts; a symbol in letters ("EUR", "zł", "LS") must stand alone beside a
   * number, so that a reference such as "LS-CND-0042" is no price.
   */
  static boolean againstAmount(String text, String symbol) {
    if (symbol.codePoints().noneMatch(Character::isLetter)) {
      return true;
    }
    String q = Pattern.quote(symbol.strip());
    return Pattern.compile(
            "(?<![\\p{L}\\d-])" + q + "[\\s.:]{0,2}\\d|\\d\\s?" + q + "(?![\\p{L}\\d-])")
        .matcher(text)
        .find();
  }

  /** The text of {@code e} with cents written apart joined to the amount ({@link SplitCents}). */
  private static String withCents(Element e) {
    String joined = SplitCents.join(e);
    return joined != null ? joined : e.text();
  }

  /** A heading (h2 to h6) over a block of other products. */
  public static boolean isOtherProductsHeading(Element e) {
    String tag = e.normalName();
    if (tag.length() != 2 || tag.charAt(0) != 'h' || tag.charAt(1) < '2' || tag.charAt(1) > '6') {
      return false;
    }
    String t = e.text();
    return t.length() <= 60 && RELATED_HEADING.matcher(t.toLowerCase(Locale.ROOT)).find();
  }

  /** The number written right against the currency symbol ("294 元", "$ 12.99"), or null. */
  public static String besideSymbol(String text, String symbol) {
    String q = Pattern.quote(symbol);
    Matcher after = Pattern.compile("(\\d[\\d.,' \u00a0]*\\d|\\d)[\\s\u00a0]?" + q).matcher(text);
    if (after.find()) {
      return after.group();
    }
    Matcher before = Pattern.compile(q + "[\\s\u00a0]?(\\d[\\d.,'\u00a0]*\\d|\\d)").matcher(text);
    return before.find() ? before.group() : null;
  }

  /** A buy or add-to-cart control: a button, input or link labelled so (in the main languages). */
  public static boolean isBuyButton(Element e) {
    String tag = e.normalName();
    return (tag.equals("button") || tag.equals("input") || tag.equals("a")) && isBuy(e);
  }

  private static boolean isBuy(Element e) {
    // Own text and a few attributes: a link's whole subtree is not its label.
    String label =
        (e.childrenSize() <= 3 ? e.text() : e.ownText())
            + " "
            + e.attr("value")
            + " "
            + e.attr("title")
            + " "
            + e.attr("aria-label")
            + " "
            + e.className()
            + " "
            + e.id();
    return label.length() < 300 && BUY.matcher(label.toLowerCase(Locale.ROOT)).find();
  }

  private static boolean isBadContext(Element p) {
    return p.attributesSize() > 0
        && BAD_CONTEXT
            .matcher(p.className().toLowerCase(Locale.ROOT) + " " + p.id().toLowerCase(Locale.ROOT))
            .find();
  }

  /** Whether a text node right under {@code e} holds a digit (its own text, without copying it). */
  private static boolean ownHasDigit(Element e) {
    for (int k = 0, n = e.childNodeSize(); k < n; k++) {
      if (e.childNode(k) instanceof TextNode t) {
        String s = t.getWholeText();
        for (int j = 0; j < s.length(); j++) {
          if (Character.isDigit(s.charAt(j))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the text of {@code e} has more than {@code max} non-space characters; stops reading as
   * soon as it does, so a container is never copied whole.
   */
  public static boolean longerThan(Element e, int max) {
    int[] count = {0};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.getWholeText();
              for (int j = 0; j < s.length(); j++) {
                if (!Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '\u00a0') {
                  count[0]++;
                }
              }
              if (count[0] > max) {
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        e);
    return count[0] > max;
  }

  /**
   * The data-* attributes whose values name a component, by the conventions of front-end frameworks
   * and test tools; other values (tracking payloads, URLs) are not read.
   */
  private static final java.util.Set<String> COMPONENT_NAME_KEYS =
      java.util.Set.of(
          "data-hook",
          "data-testid",
          "data-test",
          "data-test-id",
          "data-qa",
          "data-cy",
          "data-role",
          "data-component",
          "data-price-type",
          "data-ui-id");

  /** Class, id, itemprop and data-* names, lower-cased. */
  static String names(Element e) {
    StringBuilder sb = new StringBuilder();
    sb.append(PriceLabels.withoutModifiers(e.className()))
        .append(' ')
        .append(e.id())
        .append(' ')
        .append(e.attr("itemprop"));
    for (var a : e.attributes()) {
      if (a.getKey().startsWith("data-")) {
        sb.append(' ').append(a.getKey());
        if (COMPONENT_NAME_KEYS.contains(a.getKey())) {
          // Component names ("data-hook=formatted-primary-price", "data-price-type=finalPrice").
          String v = a.getValue();
          if (v.length() <= 40) {
            sb.append(' ').append(v);
          }
        }
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static double contextPenalty(
      Element e, Map<Element, Boolean> badContext, Set<Element> productBox, Set<Element> buyBox) {
    double penalty = 0;
    int depth = 0;
    for (Element p = e; p != null && depth < 12; p = p.parent(), depth++) {
      String tag = p.normalName();
      if (tag.equals("del")
          || tag.equals("s")
          || tag.equals("strike")
          || (p.attributesSize() > 0 && p.attr("style").contains("line-through"))) {
        penalty += 4;
      }
      if (tag.equals("header")
          || tag.equals("footer")
          || tag.equals("nav")
          || tag.equals("aside") && !buyBox.contains(p)) {
        penalty += 3;
      }
      if (depth > 0
          // The blocks that hold the page's heading hold its product, whatever their class.
          && !productBox.contains(p)
          && badContext.computeIfAbsent(p, MainPriceFinder::isBadContext)) {
        penalty += 1.5;
      }
    }
    return Math.min(penalty, 6);
  }
}
