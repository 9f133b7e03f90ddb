package org.markwatch.crawler.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.cards.CardFinder;
import org.markwatch.crawler.extract.cards.PostFeed;
import org.markwatch.crawler.extract.draft.Draft;
import org.markwatch.crawler.extract.draft.Layers;
import org.markwatch.crawler.extract.fallback.PageFacts;
import org.markwatch.crawler.extract.fallback.PostText;
import org.markwatch.crawler.extract.schemaorg.JsonLdReader;
import org.markwatch.crawler.extract.schemaorg.ProductMapper;
import org.markwatch.model.Listing;
import org.markwatch.model.Seller;
import tools.jackson.databind.JsonNode;

/**
 * The one entry point of extraction: a page in, {@code markwatch.listing/1} records out (none when
 * the page holds no listing, several for a feed or a list page).
 *
 * <p>Layers, in order of trust (the first to find a field keeps it; attribute {@code
 * extractedBy.<field>} names the layer, see {@link Layers}): schema.org JSON-LD, microdata,
 * OpenGraph/meta tags, embedded application state, the site profile's selectors, the generic
 * fallback, patterns over the text. Pages are bounded: bodies beyond {@value #MAX_BODY_BYTES} bytes
 * are cut before parsing. Thread-safe; no state.
 */
public final class Extraction {
  /** Bytes of a body that are parsed; the rest is cut (a partial result, with a problem noted). */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  /**
   * Cards outside related blocks that make a page a list page (fewer are a product page's extras).
   */
  static final int MIN_CARDS = 3;

  /**
   * Attribute of a listing read from a card of a list or shop page: the URL of that page. A listing
   * read from its own page has none.
   */
  public static final String OBSERVED_ON = "observedOn";

  /**
   * Attribute of a listing: the seller data that failed its check (tax code, business registration,
   * phone) and why, e.g. "taxCode 0102641428: checksum"; the seller record leaves it out.
   */
  public static final String SELLER_DROPPED = "seller.dropped";

  private Extraction() {}

  /**
   * The listings of a page; never throws on hostile content (problems are dropped, see {@link
   * #run}).
   */
  public static List<Listing> extract(Page page) {
    return run(page).listings();
  }

  /**
   * The listings of a page and the problems met. A profile with an item selector reads a feed; a
   * JSON-LD ItemList of products is a list page; anything else is one listing's page. A page with
   * an HTTP status of 400 or more gives no listing.
   *
   * @throws IllegalArgumentException only for a null page or a page without URL
   */
  public static ExtractionResult run(Page page) {
    if (page == null || page.url() == null) {
      throw new IllegalArgumentException("page and page.url are required");
    }
    List<String> problems = new ArrayList<>();
    try {
      return runChecked(page, problems);
    } catch (RuntimeException | StackOverflowError e) {
      // A page that trips a bug must not stop the crawl: it is reported, the crawl goes on.
      problems.add(page.url() + ": extraction failed: " + e);
      return new ExtractionResult(List.of(), problems);
    }
  }

  private static ExtractionResult runChecked(Page page, List<String> problems) {
    if (page.status() >= 400) {
      // An error page ("not found", "removed") describes no listing, whatever it shows.
      problems.add(page.url() + ": HTTP status " + page.status() + ", nothing extracted");
      return new ExtractionResult(List.of(), problems);
    }
    PageParser.Parsed parsed = PageParser.parse(page, problems);
    if (parsed == null) {
      return new ExtractionResult(List.of(), problems);
    }
    Document doc = parsed.doc();
    SiteProfile profile = page.profile();
    String platform =
        page.platform() != null ? page.platform() : profile != null ? profile.platform() : "web";
    String currency = PageLocale.defaultCurrency(page, doc);
    if (profile != null && profile.item() != null) {
      return new ExtractionResult(
          FeedExtractor.extract(doc, page, platform, profile, currency), problems);
    }
    List<JsonNode> jsonLd = JsonLdReader.read(doc);
    List<JsonNode> listed = ProductMapper.listedProducts(jsonLd);
    PageFacts facts = PageFacts.of(doc, PageLocale.country(page, doc));
    if (!listed.isEmpty()) {
      // The cards the list's markup describes show the prices asked now.
      List<CardFinder.Card> shown = CardFinder.find(doc, facts).cards();
      return new ExtractionResult(
          ListPageExtractor.extract(listed, doc, page, platform, profile, currency, shown),
          problems);
    }
    boolean productPage = ProductSignals.isProductPage(doc, jsonLd, page.url());
    if (!productPage) {
      CardFinder.Result cards = CardFinder.find(doc, facts);
      if (cards.problem() != null) {
        problems.add(page.url() + ": " + cards.problem());
      }
      // A page with few cards may be a feed of posts, or a post above a shop shelf: both looks
      // read the lines naming a price in words, once.
      // Cards that each link to themselves by their time are posts, however many.
      boolean timedPosts =
          cards.mainCount() >= MIN_CARDS
              && PostFeed.timedMost(
                  cards.cards().stream()
                      .filter(c -> !c.related())
                      .map(CardFinder.Card::root)
                      .toList());
      boolean fewCards =
          (cards.mainCount() < FEED_MAX_CARDS || timedPosts) && !cards.priceBesideTitle();
      List<Element> pricedLines = fewCards ? PostText.pricedLines(doc.body()) : List.of();
      if (fewCards && profile == null) {
        // A feed of posts priced in their words ("Pass nồi chiên giá 950k"), with no price
        // element, maybe beside a few suggested products that have one.
        List<PostFeed.Post> posts = PostFeed.find(doc.body(), MIN_CARDS, pricedLines);
        // A page that is one of the posts it shows is that post's page, with its replies.
        String pageUrl = page.url() == null ? null : ListingAssembler.stripFragment(page.url());
        boolean onePostsPage =
            pageUrl != null
                && posts.stream()
                    .anyMatch(p -> ListingAssembler.stripFragment(p.url()).equals(pageUrl));
        if (!onePostsPage
            && (posts.size() > cards.mainCount() || timedPosts && posts.size() >= MIN_CARDS)) {
          return new ExtractionResult(
              ListPageExtractor.fromPosts(posts, doc, page, platform, profile, currency), problems);
        }
      }
      if (cards.mainCount() >= MIN_CARDS
          && !cards.priceBesideTitle()
          // A shelf under a post is short; a post above a long grid introduces the list.
          && (!fewCards || !postBeforeCards(doc, cards.cards(), pricedLines))) {
        List<Listing> listings =
            ListPageExtractor.fromCards(cards.cards(), doc, page, platform, profile, currency);
        if (SellerPageExtractor.isSellerPage(doc, page, jsonLd)) {
          // A shop's own page: its products are sold by the shop the page describes.
          Optional<Seller> seller = SellerPageExtractor.extract(doc, page, problems);
          if (seller.isPresent()) {
            listings =
                listings.stream().map(l -> l.toBuilder().seller(seller.get()).build()).toList();
          }
        }
        return new ExtractionResult(listings, problems);
      }
    }
    Draft d = ProductPageExtractor.extract(doc, parsed.html(), jsonLd, page, profile, facts);
    if (!productPage && profile == null && !ProductSignals.describesProduct(d)) {
      // A home, news or help page: its title is no product's ("Tin tức mới nhất").
      problems.add(
          page.url() + ": no product on the page (no product data, no price, no product cards)");
      return new ExtractionResult(List.of(), problems);
    }
    List<Listing> out =
        d.hasContent()
            ? List.of(ListingAssembler.assemble(d, page, platform, profile, currency))
            : List.of();
    return new ExtractionResult(out, problems);
  }

  /**
   * Whether a selling post written in words comes before the page's cards: a post or a video whose
   * shop shelf lists products under it sells the item it describes.
   */
  private static boolean postBeforeCards(
      Document doc, List<CardFinder.Card> cards, List<Element> pricedLines) {
    Set<Element> roots = Collections.newSetFromMap(new IdentityHashMap<>());
    Element first = null;
    for (CardFinder.Card c : cards) {
      roots.add(c.root());
      if (first == null && !c.related()) {
        first = c.root();
      }
    }
    Optional<PostText.Post> post = PostText.find(doc.body(), roots, pricedLines);
    return post.isPresent()
        && first != null
        && !CardFinder.inPageChrome(post.get().block())
        // A post tells of its item in lines; a category's intro is one paragraph, a bar of a
        // shop's promises a few words.
        && post.get().text().lines().count() >= PostText.MIN_LINES
        && post.get().text().codePoints().filter(Character::isLetter).count() >= POST_LETTERS
        && precedes(post.get().block(), first);
  }

  /** Cards of a page below which it may be a feed of posts priced in words beside them. */
  static final int FEED_MAX_CARDS = 12;

  /** Letters a selling post before a page's cards has at least. */
  private static final int POST_LETTERS = 60;

  /** Whether {@code a} starts before {@code b} in the document. */
  private static boolean precedes(Element a, Element b) {
    List<Integer> pa = path(a);
    List<Integer> pb = path(b);
    for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
      if (!pa.get(i).equals(pb.get(i))) {
        return pa.get(i) < pb.get(i);
      }
    }
    return pa.size() < pb.size();
  }

  private static List<Integer> path(Element e) {
    List<Integer> out = new ArrayList<>();
    for (Element a = e; a.parent() != null; a = a.parent()) {
      out.add(0, a.elementSiblingIndex());
    }
    return out;
  }

  /**
   * The seller described by a seller (shop) page: schema.org Organization, Store, LocalBusiness or
   * Person data, completed with the Decree 52 business information written in the page text (tax
   * code, business registration, address, phones, e-mails). Empty for a body that is not HTML.
   */
  public static Optional<Seller> seller(Page page) {
    return seller(page, new ArrayList<>());
  }

  /**
   * As {@link #seller(Page)}; what the checks dropped (a tax code with a wrong check digit, a
   * number that is no phone) is added to {@code problems} with the reason.
   */
  public static Optional<Seller> seller(Page page, List<String> problems) {
    PageParser.Parsed parsed = PageParser.parse(page, problems);
    try {
      return parsed == null
          ? Optional.empty()
          : SellerPageExtractor.extract(parsed.doc(), page, problems);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }
}
