package org.markwatch.crawler.extract.cards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.fallback.PriceLabels;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.Texts;
import org.markwatch.crawler.extract.text.TextPriceFinder;

/**
 * One product card to a listing draft: title, URL, price, the struck-through price before a
 * discount, image, the seller when the card names one, and {@code attributes.listContext} ({@code
 * main} or {@code related}).
 */
public final class CardReader {
  /** Attribute naming the block a card was found in: {@code main} or {@code related}. */
  public static final String CONTEXT = "listContext";

  /** Longest URL a listing may carry (markwatch.listing/1). */
  static final int MAX_URL_CHARS = 4096;

  private static final Pattern SELLER =
      Pattern.compile(
          "(?:^|[\\s_-])(?:seller|shop|store|vendor|merchant)" + "(?:-?name)?(?:$|[\\s_-])");

  private CardReader() {}

  /**
   * The draft of {@code card}; {@code defaultCurrency} (nullable) applies when its price shows
   * none.
   */
  public static Draft read(CardFinder.Card card, String defaultCurrency) {
    Draft d = new Draft();
    Element root = card.root();
    String href = CardLinks.mainHref(root);
    if (href != null && href.length() > MAX_URL_CHARS) {
      href = null; // no valid listing URL: the card is dropped
    }
    d.url.offer(href, Layers.FALLBACK);
    d.title.offer(href == null ? null : CardLinks.title(root, href), Layers.FALLBACK);
    PriceMarks.Mark price = pick(card.prices());
    BigDecimal was = price == null ? null : struck(card.prices(), price);
    if (price != null && was == null) {
      // Several prices and a "-13 %" badge, the old one struck by a style sheet only: the pair
      // whose difference is the badge's percentage is the old and the asked price.
      OptionalDouble badge = PriceLabels.discountIn(String.valueOf(Texts.bounded(root, 2_000)));
      if (badge.isPresent()) {
        for (PriceMarks.Mark hi : card.prices()) {
          for (PriceMarks.Mark lo : card.prices()) {
            if (hi.perUnit() || lo.perUnit() || hi.price().currencySymbol() == null) {
              continue;
            }
            if (PriceLabels.isDiscounted(
                hi.price().amount(), lo.price().amount(), badge.getAsDouble())) {
              price = lo;
              was = hi.price().amount();
            }
          }
        }
      }
    }
    if (price == null) {
      // A classified ad or a post in a list writes its price in words ("giá 1tr2, ship 30k").
      TextPriceFinder.Offer said = TextPriceFinder.offer(Texts.bounded(root, 2_000), true);
      if (said.price().hasAmount()) {
        d.offerPrice(
            said.price().amount(),
            said.listPrice(),
            orDefault(said.price().currencyIso(), defaultCurrency),
            Layers.TEXT);
      }
    } else {
      d.offerPrice(
          price.price().amount(),
          was,
          orDefault(price.price().currencyIso(), defaultCurrency),
          Layers.FALLBACK);
    }
    String image = CardLinks.image(root);
    if (image != null && image.length() <= MAX_URL_CHARS) {
      d.images.offer(List.of(image), Layers.FALLBACK);
    }
    for (Element e : root.select(Css.of("[class], [id]"))) {
      String c = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
      if (SELLER.matcher(c).find()) {
        String name = Texts.bounded(e, 80);
        if (name != null && CardLinks.letters(name) >= 2) {
          d.seller.name.offer(name, Layers.FALLBACK);
          Element a = e.normalName().equals("a") ? e : e.selectFirst(Css.of("a[href]"));
          if (a != null && CardLinks.isWebUrl(a.absUrl("href")) && !a.absUrl("href").equals(href)) {
            d.seller.url.offer(a.absUrl("href"), Layers.FALLBACK);
          }
          break;
        }
      }
    }
    d.extraAttributes.put(CONTEXT, card.related() ? "related" : "main");
    return d;
  }

  private static String orDefault(String currency, String defaultCurrency) {
    return currency != null ? currency : defaultCurrency;
  }

  /**
   * The price asked: the first not struck through, not per unit and not for members only, else the
   * first not struck and not for members, else the first regular price beside a members' one, else
   * the first not struck, else the first (a card that shows only a regular price).
   */
  static PriceMarks.Mark pick(List<PriceMarks.Mark> prices) {
    for (PriceMarks.Mark m : prices) {
      if (!m.struck() && !m.perUnit() && !m.member()) {
        return m;
      }
    }
    for (PriceMarks.Mark m : prices) {
      if (!m.struck() && !m.member()) {
        return m;
      }
    }
    // A members' price beside the regular one ("Family-pris 2 995:-", "Ordinarie pris 3 495:-"):
    // the regular price is what everybody pays.
    for (PriceMarks.Mark m : prices) {
      if (!m.perUnit() && !m.member()) {
        return m;
      }
    }
    for (PriceMarks.Mark m : prices) {
      if (!m.struck()) {
        return m;
      }
    }
    // Only "old" prices: a card that is not on sale shows its one price with the class of a
    // regular price ("price-item--regular"); that price is the one asked.
    for (PriceMarks.Mark m : prices) {
      if (!m.perUnit()) {
        return m;
      }
    }
    return null;
  }

  /** The struck-through price above the asked one, or null. */
  static BigDecimal struck(List<PriceMarks.Mark> prices, PriceMarks.Mark asked) {
    for (PriceMarks.Mark m : prices) {
      if (m.struck() && !m.perUnit() && m.price().amount().compareTo(asked.price().amount()) > 0) {
        return m.price().amount();
      }
    }
    return null;
  }
}
