package org.markwatch.crawler.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.fallback.BrandFinder;
import org.markwatch.crawler.extract.fallback.LabelledValues;
import org.markwatch.crawler.extract.fallback.MainPriceFinder;
import org.markwatch.crawler.extract.fallback.PageFacts;
import org.markwatch.crawler.extract.fallback.PageHints;
import org.markwatch.crawler.extract.fallback.PostText;
import org.markwatch.crawler.extract.fallback.StockFinder;
import org.markwatch.crawler.extract.fallback.UrlIdGuesser;
import org.markwatch.crawler.extract.html.OfferText;
import org.markwatch.crawler.extract.html.RepeatedCards;
import org.markwatch.crawler.extract.schemaorg.MetaTagReader;
import org.markwatch.crawler.extract.schemaorg.MicrodataReader;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import org.markwatch.crawler.extract.state.AppStateMapper;
import org.markwatch.crawler.extract.state.AppStateReader;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.model.Money;
import org.markwatch.model.validate.Gtin;
import tools.jackson.databind.JsonNode;

/**
 * A page about one listing, through every layer in order of trust (see {@link Layers}); the
 * exceptions to that order are commented where they happen.
 */
final class ProductPageExtractor {
  private ProductPageExtractor() {}

  private static final BigDecimal NEAR = new BigDecimal("1.5");

  /** A price with tax is at most this much the price before it (VAT is 27 % at most). */
  private static final BigDecimal MAX_TAX = new BigDecimal("1.3");

  /** Whether {@code a} and {@code b} (both positive) are within a factor of {@link #NEAR}. */
  static boolean near(BigDecimal a, BigDecimal b) {
    if (a.signum() <= 0 || b.signum() <= 0) {
      return false;
    }
    return a.compareTo(b.multiply(NEAR)) <= 0 && b.compareTo(a.multiply(NEAR)) <= 0;
  }

  private static final java.util.regex.Pattern TITLE_SEPARATOR =
      java.util.regex.Pattern.compile("\\s*[|\\-–—:·•]\\s*\\S.*");

  /** Whether {@code title} is {@code heading} followed by a separator and more ("X | Shop"). */
  static boolean withSiteName(String title, String heading) {
    String t = title.strip();
    return !heading.isEmpty()
        && t.length() > heading.length()
        && t.regionMatches(true, 0, heading, 0, heading.length())
        && TITLE_SEPARATOR.matcher(t.substring(heading.length())).matches();
  }

  private static boolean isMarkup(String layer) {
    return Layers.JSONLD.equals(layer)
        || Layers.MICRODATA.equals(layer)
        || Layers.META.equals(layer);
  }

  /**
   * The offer of a selling post: its price and old price, its text, and its first line as the title
   * unless structured data named the item.
   */
  private static void readPost(PostText.Post post, Draft d) {
    ParsedPrice price = post.offer().price();
    d.offerPrice(price.amount(), post.offer().listPrice(), price.currencyIso(), Layers.TEXT);
    forgetUrlSku(d);
    if (Layers.META.equals(d.text.layer())) {
      // A description meta tag holds the post cut short ("…"); the post itself is whole.
      d.text.force(post.text(), Layers.TEXT);
    } else {
      d.text.offer(post.text(), Layers.TEXT);
    }
    if (!d.title.isSet()
        || Layers.FALLBACK.equals(d.title.layer())
        || Layers.META.equals(d.title.layer())) {
      String first = FeedExtractor.firstLine(post.text());
      if (first != null) {
        d.title.force(first, Layers.TEXT);
      }
    }
  }

  /** Whether {@code code} is the GTIN {@code gtin}, in any of its lengths ({@link Gtin#gtin14}). */
  private static boolean isGtin(String code, String gtin) {
    return code.matches("\\d{8,14}")
        && gtin.matches("\\d{8,14}")
        && Gtin.gtin14(code).equals(Gtin.gtin14(gtin));
  }

  /** Drops a sku guessed from the address: the number in a post's address is the post's. */
  private static void forgetUrlSku(Draft d) {
    if (Layers.URL.equals(d.sku.layer())) {
      d.sku.clear();
    }
  }

  /**
   * Whether the price shown beside the title (in the markup's currency) is the one asked rather
   * than the markup's {@code marked} amount:
   *
   * <ul>
   *   <li>the markup lists several offers (variants, packs) and the page shows another of them than
   *       the first: the shown one is preselected;
   *   <li>the markup gives the lowest of several offers (open-box, used, other sellers): the shown
   *       price within the offers' range is the one asked;
   *   <li>the markup's amount is nowhere in the offer's text (before tax, a stale one; shown only
   *       on a variant nobody chose, "Merah (Rp1.299.000)", in a review, or in a card of a row of
   *       other products, {@link RepeatedCards}): the shown price wins when within a factor of 1.5
   *       (tax, options); further off it is more likely another product's (a sold-out page shows
   *       only its recommendations' prices), unless the amount is shown elsewhere on the page (on
   *       that tile or card: the markup describes that item) or the markup names another code than
   *       the one printed beside its label;
   *   <li>markup giving the price before tax, which the page shows labelled so ("Nettó ár") after
   *       the price shown, within 30 % under it;
   *   <li>markup not updated for a sale gives the price before it, which the page shows struck
   *       beside the lower price asked now.
   * </ul>
   */
  private static boolean shownPriceWins(
      Draft d,
      Document doc,
      PageFacts facts,
      Money marked,
      MainPriceFinder.Result shown,
      boolean markupOfAnotherItem) {
    Element heading = facts.heading();
    BigDecimal main = shown.price().amount();
    if (d.priceRangeHigh != null) {
      return main.compareTo(marked.amount()) >= 0 && main.compareTo(d.priceRangeHigh.amount()) <= 0;
    }
    if (main.compareTo(marked.amount()) != 0
        && d.markupOfferAmounts.contains(main.stripTrailingZeros())) {
      // The markup lists the shown amount as another of its offers: the one preselected.
      return true;
    }
    RepeatedCards otherCards = new RepeatedCards(PageHints.ancestors(heading));
    if (!ShownAmounts.of(OfferText.of(doc.body(), otherCards)).contains(marked.amount())) {
      // Shown only on a tile of another variant or a card of another product, the markup's amount
      // is that item's, however far from the price shown for this one.
      return near(main, marked.amount())
          || markupOfAnotherItem
          || ShownAmounts.of(doc.body().text()).contains(marked.amount());
    }
    if (main.compareTo(marked.amount()) > 0
        && main.compareTo(marked.amount().multiply(MAX_TAX)) <= 0
        && MainPriceFinder.showsBeforeTaxAfter(doc, facts, marked.amount(), main)) {
      return true; // markup giving the price before tax, which the page shows so labelled
    }
    return shown.listPrice() != null
        && shown.listPrice().compareTo(marked.amount()) == 0
        && main.compareTo(marked.amount()) < 0;
  }

  /** The draft of the page's listing; check {@link Draft#hasContent()} before assembling it. */
  static Draft extract(
      Document doc,
      String html,
      List<JsonNode> jsonLd,
      Page page,
      SiteProfile profile,
      PageFacts facts) {
    Draft d = new Draft();
    boolean markupOfAnotherItem = false;
    ProductMapper.map(jsonLd, page.url(), d, Layers.JSONLD);
    ProductMapper.map(MicrodataReader.read(doc), page.url(), d, Layers.MICRODATA);
    MetaTagReader.read(doc, d);
    AppStateMapper.Found state = AppStateMapper.map(AppStateReader.read(doc), page.url(), d);
    if (Layers.APPSTATE.equals(d.brand.layer()) && PageLocale.isSiteName(d.brand.get(), doc)) {
      // State objects often name the shop in "brand"; the shop is the seller, not the brand.
      d.brand.clear();
    }
    if (profile != null) {
      ProfileExtractor.apply(doc, profile, d);
      TextLayer.apply(d, profile, d.text.get(), d.text.get());
    }
    Element h1 = facts.heading();
    String heading = h1 == null ? null : h1.text().strip();
    if (heading != null
        && d.title.isSet()
        && Layers.META.equals(d.title.layer())
        && withSiteName(d.title.get(), heading)) {
      // og:title is often "Product | Shop"; the heading is the product's name alone.
      d.title.force(heading, Layers.FALLBACK);
    }
    d.title.offer(heading, Layers.FALLBACK);
    d.title.offer(doc.title(), Layers.FALLBACK);
    if (!d.hasContent() && profile == null && doc.body() != null) {
      // A post saved without a title or heading still names its item in its words.
      PostText.find(doc.body()).ifPresent(post -> readPost(post, d));
    }
    if (!d.hasContent()) {
      return d;
    }
    if (doc.body() != null) {
      Map<LabelledValues.Kind, String> labelled = LabelledValues.find(doc.body(), h1);
      String shownSku = labelled.get(LabelledValues.Kind.SKU);
      // Markup naming another code than the one printed describes another variant (the 1 L
      // bottle of a 500 ml page), unless it is an internal id beside the shop's code.
      markupOfAnotherItem =
          isMarkup(d.sku.layer())
              && shownSku != null
              && !shownSku.equalsIgnoreCase(d.sku.get())
              && !d.sku.get().matches("\\d+");
      // The code printed for shoppers ("Product code: 141677") is the shop's reference; markup
      // often carries an internal id in sku instead. The same holds for "Brand: X".
      d.sku.force(labelled.get(LabelledValues.Kind.SKU), Layers.FALLBACK);
      d.brand.force(labelled.get(LabelledValues.Kind.BRAND), Layers.FALLBACK);
      String labelledGtin = labelled.get(LabelledValues.Kind.GTIN);
      if (labelledGtin != null
          && d.gtin.isSet()
          && !labelledGtin.equals(d.gtin.get())
          && !OfferText.of(doc.body()).contains(d.gtin.get())) {
        // Markup describing another variant (the paperback of a hardcover's page) carries its
        // barcode; the one printed beside its label is the page's.
        d.gtin.force(labelledGtin, Layers.FALLBACK);
      }
      d.gtin.offer(labelledGtin, Layers.FALLBACK);
      d.mpn.offer(labelled.get(LabelledValues.Kind.MPN), Layers.FALLBACK);
      if (!d.brand.isSet()) {
        String shown = BrandFinder.find(doc, h1);
        if (shown != null && !PageLocale.isSiteName(shown, doc)) {
          d.brand.offer(shown, Layers.FALLBACK);
        }
      }
    }
    if (!d.sku.isSet()) {
      String guessed = UrlIdGuesser.guess(page.url(), html);
      // A book's address often ends in its ISBN: that is the barcode, not the shop's own code.
      if (guessed != null && !(d.gtin.isSet() && isGtin(guessed, d.gtin.get()))) {
        d.sku.offer(guessed, Layers.URL);
      }
    }
    // The page's shown price is looked for at most once: each pass reads every element.
    MainPriceFinder.Result[] shownOnce = {null};
    java.util.function.Supplier<MainPriceFinder.Result> shownPrice =
        () ->
            shownOnce[0] != null ? shownOnce[0] : (shownOnce[0] = MainPriceFinder.find(doc, facts));
    if (!d.price.isSet()) {
      MainPriceFinder.Result found = shownPrice.get();
      ParsedPrice main = found.price();
      if (main.hasAmount()) {
        d.price.offer(new Money(main.amount(), main.currencyIso()), Layers.FALLBACK);
        d.currency.offer(main.currencyIso(), Layers.FALLBACK);
        if (found.listPrice() != null) {
          d.listPrice.offer(new Money(found.listPrice(), main.currencyIso()), Layers.FALLBACK);
        }
      }
    }
    if (!d.price.isSet() && profile == null && doc.body() != null && !PageHints.asksForPrice(doc)) {
      // A shop on a social network writes its price in the post ("nay giá chỉ 450k").
      PostText.find(doc.body()).ifPresent(post -> readPost(post, d));
    } else if (Layers.FALLBACK.equals(d.price.layer())
        && (!d.listPrice.isSet() || Layers.FALLBACK.equals(d.listPrice.layer()))
        && profile == null
        && doc.body() != null) {
      // A video or post beside its shop shelf: the shelf shows the price, the words say the old
      // one ("Giá: 3 triệu 5 (giá gốc 4tr9)") better than a struck price of the next product.
      PostText.find(doc.body())
          .filter(post -> post.offer().price().amount().compareTo(d.price.get().amount()) == 0)
          .ifPresent(
              post -> {
                if (post.offer().listPrice() != null) {
                  d.listPrice.force(
                      new Money(post.offer().listPrice(), d.price.get().currency()), Layers.TEXT);
                }
                forgetUrlSku(d);
              });
    }
    if (d.price.isSet() && isMarkup(d.price.layer()) && doc.body() != null) {
      // Markup may carry a price the page never shows (before tax, another variant's, a stale
      // one): the price shown beside the title and buy button is then the one a buyer pays.
      Money marked = d.price.get();
      MainPriceFinder.Result shown = shownPrice.get();
      ParsedPrice main = shown.price();
      // Markup may give an amount without its currency: nothing to compare the shown price with.
      if (main.hasAmount()
          && marked.currency() != null
          && marked.currency().equals(main.currencyIso())
          && shownPriceWins(d, doc, facts, marked, shown, markupOfAnotherItem)) {
        d.price.force(new Money(main.amount(), main.currencyIso()), Layers.FALLBACK);
        if (shown.listPrice() != null) {
          d.listPrice.force(new Money(shown.listPrice(), main.currencyIso()), Layers.FALLBACK);
        }
      }
    }
    // A price the page shows beats one in its state, which may be per bundle or before options.
    AppStateMapper.fillPrice(state, d);
    if (d.price.isSet() && !d.listPrice.isSet() && doc.body() != null) {
      // Markup rarely gives the price before discount; the page shows it beside the price, struck
      // through or under a "was" label (which no cheap selector finds: "Statt: 17,95 €").
      MainPriceFinder.Result shown = shownPrice.get();
      BigDecimal asked = d.price.get().amount();
      if (shown.price().hasAmount() && shown.price().amount().compareTo(asked) != 0) {
        // The page shows another price first (a card holder's): the old price is the one beside
        // the amount the markup gives.
        shown = MainPriceFinder.find(doc, facts, asked);
      }
      if (shown.listPrice() != null
          && shown.price().hasAmount()
          && shown.price().amount().compareTo(asked) == 0) {
        d.listPrice.offer(new Money(shown.listPrice(), d.price.get().currency()), Layers.FALLBACK);
      }
    }
    if (!d.availability.isSet()) {
      // Markup often says nothing about stock while the page prints it beside the buy button.
      d.availability.offer(StockFinder.find(doc, h1), Layers.FALLBACK);
    }
    d.category.offer(PageHints.breadcrumbs(doc), Layers.FALLBACK);
    d.language.offer(
        PageHints.language(d.title.get() + " " + (d.text.isSet() ? d.text.get() : "")),
        Layers.TEXT);
    return d;
  }
}
