package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.markwatch.crawler.extract.cards.CardFinder;
import org.markwatch.crawler.extract.cards.CardReader;
import org.markwatch.crawler.extract.cards.PostFeed;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.fallback.PageHints;
import org.markwatch.crawler.extract.schemaorg.Nodes;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import org.markwatch.crawler.extract.text.ParsedPrice;
import org.markwatch.model.Listing;
import tools.jackson.databind.JsonNode;

/**
 * A list page (category, search, shop): one listing per product, from its JSON-LD ItemList or from
 * the product cards found by their shape ({@link CardFinder}). Each listing says where it was seen
 * ({@code attributes.observedOn} = the list page's URL).
 */
final class ListPageExtractor {
  /** Attribute holding the URL of the list page a listing was read from. */
  static final String OBSERVED_ON = Extraction.OBSERVED_ON;

  private ListPageExtractor() {}

  /** One listing per card that has a title and a link. */
  static List<Listing> fromCards(
      List<CardFinder.Card> cards,
      Document doc,
      Page page,
      String platform,
      SiteProfile profile,
      String currency) {
    List<Listing> out = new ArrayList<>();
    String language = PageLocale.language(doc);
    for (CardFinder.Card card : cards) {
      Draft d = CardReader.read(card, currency);
      if (!d.url.isSet() || !d.title.isSet()) {
        continue;
      }
      out.add(seenOn(d, page, language, d.title.get(), platform, profile, currency));
    }
    return out;
  }

  /** One listing per selling post of a feed, titled by the post's first line. */
  static List<Listing> fromPosts(
      List<PostFeed.Post> posts,
      Document doc,
      Page page,
      String platform,
      SiteProfile profile,
      String currency) {
    List<Listing> out = new ArrayList<>();
    String language = PageLocale.language(doc);
    for (PostFeed.Post post : posts) {
      Draft d = new Draft();
      d.url.offer(post.url(), Layers.TEXT);
      d.title.offer(FeedExtractor.firstLine(post.text()), Layers.TEXT);
      d.text.offer(post.text(), Layers.TEXT);
      ParsedPrice price = post.offer().price();
      if (price.hasAmount()) {
        d.offerPrice(price.amount(), post.offer().listPrice(), price.currencyIso(), Layers.TEXT);
      }
      if (post.image() != null) {
        d.images.offer(List.of(post.image()), Layers.FALLBACK);
      }
      if (d.title.isSet()) {
        out.add(seenOn(d, page, language, post.text(), platform, profile, currency));
      }
    }
    return out;
  }

  /**
   * The listing of an item read on a list page: the page's language unless its own words say
   * another, and the page it was seen on.
   */
  private static Listing seenOn(
      Draft d,
      Page page,
      String pageLanguage,
      String words,
      String platform,
      SiteProfile profile,
      String currency) {
    d.language.offer(pageLanguage, Layers.META);
    d.language.offer(PageHints.language(words), Layers.TEXT);
    d.extraAttributes.put(OBSERVED_ON, page.url());
    return ListingAssembler.assemble(d, page, platform, profile, currency);
  }

  static List<Listing> extract(
      List<JsonNode> products,
      Document doc,
      Page page,
      String platform,
      SiteProfile profile,
      String currency,
      List<CardFinder.Card> cards) {
    List<Listing> out = new ArrayList<>();
    String language = PageLocale.language(doc);
    Map<String, Draft> shown = new HashMap<>();
    for (CardFinder.Card card : cards) {
      Draft c = CardReader.read(card, currency);
      if (c.url.isSet() && c.price.isSet()) {
        shown.putIfAbsent(sameUrl(c.url.get()), c);
      }
    }
    for (JsonNode product : products) {
      Draft d = new Draft();
      String itemUrl = PageLocale.absolute(doc, Nodes.textOf(product, "url"));
      d.url.offer(itemUrl, Layers.JSONLD);
      ProductMapper.map(List.of(product), itemUrl, d, Layers.JSONLD);
      Draft card = itemUrl == null ? null : shown.get(sameUrl(itemUrl));
      if (card != null
          && (!d.price.isSet()
              || java.util.Objects.equals(card.price.get().currency(), d.price.get().currency()))) {
        // The card shows the price asked now; a list's markup may be stale or before a sale.
        d.price.force(card.price.get(), Layers.FALLBACK);
        d.currency.force(card.price.get().currency(), Layers.FALLBACK);
        if (card.listPrice.isSet()) {
          d.listPrice.force(card.listPrice.get(), Layers.FALLBACK);
        } else {
          d.listPrice.clear();
        }
      }
      d.language.offer(language, Layers.META);
      d.extraAttributes.put(OBSERVED_ON, page.url());
      if (d.hasContent()) {
        out.add(ListingAssembler.assemble(d, page, platform, profile, currency));
      }
    }
    return out;
  }

  /** A URL without its fragment and final slash, for matching a card's link to markup's. */
  private static String sameUrl(String url) {
    String u = ListingAssembler.stripFragment(url);
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}
