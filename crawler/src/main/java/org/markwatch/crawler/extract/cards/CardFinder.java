package org.markwatch.crawler.extract.cards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.fallback.MainPriceFinder;
import org.markwatch.crawler.extract.fallback.PageFacts;
import org.markwatch.crawler.extract.fallback.PageHints;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.Texts;

/**
 * Finds the product cards of a listing page (category, search, shop page) by their shape, never by
 * site: sibling elements of the same kind (tag and first class) that each hold a price, a link to a
 * different page and a title. Where such groups nest (a row of cards inside a list of rows), the
 * innermost group whose members are single products wins. Siblings built like the priced cards that
 * show no price ("Contact us") are cards too. Groups inside navigation, headers, footers and
 * mini-carts are no listings; groups in sidebars and "related", "recently viewed", "recommended"
 * blocks are kept and marked.
 *
 * <p>Bounded: at most {@value #MAX_MARKS} prices and {@value #MAX_CARDS} cards are read; a larger
 * page gives its first cards and says so in {@link Result#problem()}.
 */
public final class CardFinder {
  /** Prices looked at, at most. */
  public static final int MAX_MARKS = 20_000;

  /** Cards returned, at most. */
  public static final int MAX_CARDS = 5_000;

  /** Ancestors looked at above a price: cards sit within a few levels of their price. */
  static final int MAX_CLIMB = 24;

  /** Elements after the first h1 within which a price outside the cards is the page's own price. */
  static final int TITLE_REACH = 1_500;

  /** Elements after a price outside the cards within which a buy button makes it the page's own. */
  static final int BUY_REACH = 60;

  private static final Pattern EXCLUDED =
      Pattern.compile(
          "(?:^|[\\s_-])(?:nav|navbar|navigation|menu|megamenu|mega-menu|breadcrumbs?|mini-?cart|minicart|cart|basket|"
              + "header|footer|topbar)(?:$|[\\s_-])");

  /**
   * Controls above or below a grid. Themes also name the grid after its kind of pager ("products
   * elements-grid pagination-pagination"): a block with pictures is no control.
   */
  private static final Pattern CONTROLS =
      Pattern.compile("(?:^|[\\s_-])(?:toolbar|sorter|pagination|pager)(?:$|[\\s_-])");

  /**
   * A filter or facet block. A layout named after its filter column ("facets-vertical",
   * "filters-wrapper") holds the product grid too: it is no filter block.
   */
  private static final Pattern FILTER_BLOCK =
      Pattern.compile(
          "(?:^|[\\s_-])(?:filters?|facets?|refine|refinements?)"
              + "(?!-(?:vertical|horizontal|container|wrapper|layout|wrap|page))(?:$|[\\s_-])");

  // A word at the start of a class or id ("related-products", "recentlyViewed"), not inside one
  // ("contentSidebar" is the main column beside a sidebar).
  private static final Pattern RELATED =
      Pattern.compile(
          "(?:^|[\\s_-])(?:related|recommend|similar|also|recent|viewed|history|upsell|up-sell|cross-?sell|"
              // A layout "with a sidebar" ("cms-section-sidebar") and its main column
              // ("…-sidebar-main-content") hold the main grid; the sidebar column itself
              // ("…-sidebar-sidebar-content") is one.
              + "(?<!section-)sidebar(?!-main-content)|"
              + "widget|featured|bestseller|best-seller|carousel|slider|suggest|you-may|trending|sponsored-products)"
              // A utility class that only spaces things ("s-widget-spacing-small") names no block.
              + "(?!-(?:spacing|space|gap|margin|padding))");

  private CardFinder() {}

  /** A product card: its root element, its prices, and whether it sits in a related block. */
  public record Card(Element root, List<PriceMarks.Mark> prices, boolean related) {}

  /**
   * The cards found, in page order; a problem when the page was too big to read whole; whether a
   * price outside the cards follows the page's h1 closely (the sign of a product page).
   */
  public record Result(List<Card> cards, String problem, boolean priceBesideTitle) {
    /** Cards outside related blocks. */
    public long mainCount() {
      return cards.stream().filter(c -> !c.related()).count();
    }
  }

  /**
   * The cards of {@code doc}, read with the page's {@code facts} (heading, struck classes,
   * country).
   */
  public static Result find(Document doc, PageFacts facts) {
    if (doc.body() == null) {
      return new Result(List.of(), null, false);
    }
    Element heading = facts.heading();
    Set<Element> pageBox = PageHints.ancestors(heading);
    List<PriceMarks.Mark> marks =
        PriceMarks.find(doc.body(), facts.country(), facts.styles(), MAX_MARKS);
    String problem =
        marks.size() >= MAX_MARKS
            ? "more than "
                + MAX_MARKS
                + " prices on the page; cards read "
                + "from the first "
                + MAX_MARKS
                + " only"
            : null;
    // Candidate groups: for each price, every ancestor with its siblings of the same kind.
    Map<Element, Map<String, Set<Element>>> groups = new IdentityHashMap<>();
    for (PriceMarks.Mark m : marks) {
      Element a = m.element();
      for (int up = 0; up < MAX_CLIMB && a != null && a.parent() != null; up++, a = a.parent()) {
        Element parent = a.parent();
        if (a.normalName().equals("body") || parent.normalName().equals("html")) {
          break;
        }
        groups
            .computeIfAbsent(parent, k -> new HashMap<>())
            .computeIfAbsent(kind(a), k -> Collections.newSetFromMap(new LinkedHashMap<>()))
            .add(a);
      }
    }
    List<Group> valid = new ArrayList<>();
    Map<Element, Member> memberInfo = new IdentityHashMap<>();
    Map<Element, List<Group>> validAt = new IdentityHashMap<>();
    for (Map.Entry<Element, Map<String, Set<Element>>> g : groups.entrySet()) {
      for (Set<Element> members : g.getValue().values()) {
        if (members.size() < 2) {
          continue;
        }
        Group group = validate(g.getKey(), new ArrayList<>(members), memberInfo);
        if (group != null) {
          validAt.computeIfAbsent(g.getKey(), k -> new ArrayList<>()).add(group);
        }
      }
    }
    // Atomic CSS hashes each element's classes apart, so sibling cards share their tag but not
    // their first class (two may share one by chance): siblings of one tag whose classes almost
    // all differ are one group when it is at least twice as big as any group of one class beside
    // it (where two tags qualify, the bigger group).
    for (Map.Entry<Element, Map<String, Set<Element>>> g : groups.entrySet()) {
      if (g.getValue().size() < 2) {
        continue;
      }
      Map<String, List<Element>> byTag = new HashMap<>();
      g.getValue()
          .values()
          .forEach(
              set ->
                  set.forEach(
                      e -> byTag.computeIfAbsent(e.normalName(), k -> new ArrayList<>()).add(e)));
      List<Group> here = validAt.getOrDefault(g.getKey(), List.of());
      int biggest = here.stream().mapToInt(x -> x.members.size()).max().orElse(0);
      int tagGroup = 0;
      for (List<Element> members : byTag.values()) {
        long kinds = members.stream().map(CardFinder::kind).distinct().count();
        if (members.size() < MIN_PRICED_FOR_PRICELESS
            || members.size() < 2 * biggest
            || kinds * 10 < members.size() * 8) {
          continue;
        }
        members.sort(java.util.Comparator.comparingInt(Element::elementSiblingIndex));
        Group group = validate(g.getKey(), members, memberInfo);
        if (group != null && group.members.size() > tagGroup) {
          validAt.put(g.getKey(), new ArrayList<>(List.of(group)));
          tagGroup = group.members.size();
        }
      }
    }
    validAt.values().forEach(valid::addAll);
    // Innermost groups win: a group whose members hold other valid groups is a container of rows.
    // One member holding a group among cards (a carousel of sponsored products between search
    // results) leaves the others cards; that member is no card.
    Set<Element> memberSet = Collections.newSetFromMap(new IdentityHashMap<>());
    valid.forEach(g -> memberSet.addAll(g.members));
    Set<Element> containers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Group g : valid) {
      Element a = g.parent;
      for (int up = 0; up < 4 * MAX_CLIMB && a != null; up++, a = a.parent()) {
        if (memberSet.contains(a)) {
          containers.add(a);
        }
      }
    }
    List<Group> kept = new ArrayList<>();
    Set<Element> listAreas = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Group g : valid) {
      long holding = g.members.stream().filter(containers::contains).count();
      if (holding == 0) {
        kept.add(withPricelessSiblings(g, containers, memberInfo));
        listAreas.add(g.parent);
      } else if (holding * 4 <= g.members.size() && g.members.size() - holding >= 3) {
        List<Element> cardsOnly = g.members.stream().filter(m -> !containers.contains(m)).toList();
        kept.add(withPricelessSiblings(new Group(g.parent, cardsOnly), containers, memberInfo));
        listAreas.add(g.parent);
      }
    }
    // Prices to their card.
    Map<Element, Card> byRoot = new IdentityHashMap<>();
    Map<Element, List<PriceMarks.Mark>> prices = new IdentityHashMap<>();
    for (Group g : kept) {
      boolean related = isRelated(g.parent, pageBox);
      for (Element m : g.members) {
        prices.put(m, new ArrayList<>());
        byRoot.put(m, new Card(m, prices.get(m), related));
      }
    }
    for (PriceMarks.Mark m : marks) {
      Element a = m.element();
      for (int up = 0; up < MAX_CLIMB && a != null; up++, a = a.parent()) {
        List<PriceMarks.Mark> list = prices.get(a);
        if (list != null) {
          list.add(m);
          break;
        }
      }
    }
    Set<Element> carded = Collections.newSetFromMap(new IdentityHashMap<>());
    prices.values().forEach(l -> l.forEach(m -> carded.add(m.element())));
    Set<Element> loose = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PriceMarks.Mark m : marks) {
      // A page's own price is not a link (price links are filters) nor a form field.
      // Only a price with its currency written: a bare number with an "amount" class is a count
      // ("Items 1-12 of 27").
      if (!m.struck()
          && m.price().currencySymbol() != null
          && !carded.contains(m.element())
          && !within(m.element(), listAreas)) {
        loose.add(m.element());
      }
    }
    List<Card> cards = new ArrayList<>();
    int h1At = -1;
    int looseAt = -1;
    boolean besideTitle = false;
    boolean anyCard = false;
    boolean cardSinceTitle = false;
    // Page order: walk the document once and pick up the roots as they come.
    List<Element> all = doc.body().getAllElements();
    for (int i = 0; i < all.size(); i++) {
      Element e = all.get(i);
      if (h1At < 0 && e == heading) {
        h1At = i;
      }
      if (h1At >= 0
          && i - h1At <= TITLE_REACH
          && !cardSinceTitle
          && loose.contains(e)
          && !isExcluded(e)
          && !inLinkOrOtherForm(e, pageBox)
          && !isHidden(e)) {
        besideTitle = true;
      }
      if (!anyCard
          && looseAt < 0
          && loose.contains(e)
          && !isExcluded(e)
          && !inLinkOrOtherForm(e, pageBox)
          && !isHidden(e)) {
        looseAt = i;
      }
      if (!anyCard
          && looseAt >= 0
          && i - looseAt <= BUY_REACH
          && MainPriceFinder.isBuyButton(e)
          && !isExcluded(e)
          && !isHidden(e)) {
        // A price of its own and a buy button beside it, before any card: the page sells one
        // product, and its cards are "similar products" (pages without an h1 say it so).
        besideTitle = true;
      }
      Card c = byRoot.get(e);
      cardSinceTitle |= h1At >= 0 && c != null && !c.related();
      anyCard |= c != null && !c.related();
      if (c != null && cards.size() < MAX_CARDS) {
        cards.add(c);
        if (cards.size() == MAX_CARDS) {
          problem = "more than " + MAX_CARDS + " product cards; the first " + MAX_CARDS + " kept";
        }
      }
    }
    return new Result(cards, problem, besideTitle);
  }

  /** A group of sibling cards. */
  private record Group(Element parent, List<Element> members) {}

  /** What a candidate card holds: its main link and whether it has a title. */
  private record Member(String href, boolean titled) {}

  /**
   * The group's members that are cards, when they are a listing: at least two with a link and a
   * title, most of them, linking to different pages, outside navigation and carts.
   */
  private static Group validate(
      Element parent, List<Element> members, Map<Element, Member> memberInfo) {
    if (isExcluded(parent, EXCLUDED) || isExcluded(parent, CONTROLS)) {
      return null;
    }
    // Ajax themes name the grid they refresh "filter" too ("product-list filter"): a filter block's
    // entries have no pictures, a grid's cards have.
    boolean inFilterBlock = isExcluded(parent, FILTER_BLOCK);
    List<Element> cards = new ArrayList<>();
    Set<String> hrefs = new HashSet<>();
    for (Element m : members) {
      Member info = memberInfo.computeIfAbsent(m, CardFinder::member);
      if (info.href() != null && info.titled()) {
        cards.add(m);
        hrefs.add(info.href());
      }
    }
    if (cards.size() < 2
        || cards.size() * 10 < members.size() * 6
        || hrefs.size() * 10 < cards.size() * 7) {
      return null;
    }
    if (inFilterBlock) {
      long pictured = cards.stream().filter(c -> c.selectFirst(Css.of("img")) != null).count();
      if (cards.size() < MIN_PRICED_FOR_PRICELESS || pictured * 4 < cards.size() * 3) {
        return null;
      }
    }
    return new Group(parent, cards);
  }

  /** Kinds every card shares before a card with all of them counts as built like them. */
  private static final int MIN_UNIVERSAL_KINDS = 4;

  /** Priced cards a group needs before its siblings without a price are read as cards too. */
  static final int MIN_PRICED_FOR_PRICELESS = 3;

  /**
   * The group with its siblings that show no price ("Contact us", "Liên hệ", "No offers"): same
   * kind, a link to a page of their own and a title, and built like the priced cards (most of their
   * inner element kinds are the cards' too), so a banner tile between the cards stays out.
   */
  private static Group withPricelessSiblings(
      Group g, Set<Element> containers, Map<Element, Member> memberInfo) {
    if (g.members.size() < MIN_PRICED_FOR_PRICELESS) {
      return g;
    }
    String kind = kind(g.members.getFirst());
    Set<Element> members = Collections.newSetFromMap(new IdentityHashMap<>());
    members.addAll(g.members);
    Set<String> hrefs = new HashSet<>();
    Map<String, Integer> shapeCounts = new HashMap<>();
    for (Element m : g.members) {
      hrefs.add(memberInfo.computeIfAbsent(m, CardFinder::member).href());
      for (String k : shape(m)) {
        shapeCounts.merge(k, 1, Integer::sum);
      }
    }
    // The inner kinds most priced cards share: the card's build.
    Set<String> common = new HashSet<>();
    shapeCounts.forEach(
        (k, n) -> {
          if (n * 2 > g.members.size()) {
            common.add(k);
          }
        });
    if (common.isEmpty()) {
      return g;
    }
    // The kinds nearly every priced card has (its link, picture, name): a card that has them all
    // is one of them even when it lacks the price, rating and variant parts ("Sắp ra mắt").
    Map<String, Integer> coreCounts = new HashMap<>();
    for (Element m : g.members) {
      for (String k : coreShape(m)) {
        coreCounts.merge(k, 1, Integer::sum);
      }
    }
    Set<String> universal = new HashSet<>();
    coreCounts.forEach(
        (k, n) -> {
          if (n * 10 >= g.members.size() * 9) {
            universal.add(k);
          }
        });
    List<Element> added = new ArrayList<>();
    for (Element sibling : g.parent.children()) {
      if (members.contains(sibling)
          || containers.contains(sibling)
          || !kind(sibling).equals(kind)) {
        continue;
      }
      Member info = memberInfo.computeIfAbsent(sibling, CardFinder::member);
      if (info.href() == null || !info.titled() || !hrefs.add(info.href())) {
        continue;
      }
      Set<String> own = shape(sibling);
      long shared = common.stream().filter(own::contains).count();
      // Half the cards' build at least (a card without a price has no price or rating parts),
      // and little of its own (a banner tile is a link and a picture, both common).
      boolean likeTheCards =
          shared * 2 >= common.size()
              || universal.size() >= MIN_UNIVERSAL_KINDS
                  && coreShape(sibling).containsAll(universal);
      if (likeTheCards && shared * 10 >= own.size() * 7) {
        added.add(sibling);
      }
    }
    if (added.isEmpty()) {
      return g;
    }
    List<Element> all = new ArrayList<>(g.members);
    all.addAll(added);
    return new Group(g.parent, all);
  }

  /** The kinds of the elements inside a card, a few levels deep: what it is built of. */
  private static Set<String> shape(Element card) {
    Set<String> kinds = new HashSet<>();
    collectShape(card, 0, kinds);
    return kinds;
  }

  /**
   * Parts a card shows only when it has a price, a rating or a deal: a new or sold-out product's
   * card lacks them.
   */
  private static final Pattern PRICED_PART =
      Pattern.compile("price|rating|review|star|sold|percent|discount|sale|badge|label|promo|gift");

  /** The card's build without its price, rating and deal parts (nor what they hold). */
  private static Set<String> coreShape(Element card) {
    Set<String> kinds = new HashSet<>();
    collectCore(card, 0, kinds);
    return kinds;
  }

  private static void collectCore(Element e, int depth, Set<String> kinds) {
    if (depth >= 4 || kinds.size() > 200) {
      return;
    }
    for (Element child : e.children()) {
      if (PRICED_PART
          .matcher((child.className() + " " + child.id()).toLowerCase(Locale.ROOT))
          .find()) {
        continue;
      }
      kinds.add(depth + ":" + kind(child));
      collectCore(child, depth + 1, kinds);
    }
  }

  private static void collectShape(Element e, int depth, Set<String> kinds) {
    if (depth >= 4 || kinds.size() > 200) {
      return;
    }
    for (Element child : e.children()) {
      kinds.add(depth + ":" + kind(child));
      collectShape(child, depth + 1, kinds);
    }
  }

  private static Member member(Element m) {
    String href = CardLinks.mainHref(m);
    if (href == null) {
      return new Member(null, false);
    }
    String title = CardLinks.title(m, href);
    // A line of text with a price in it and no picture is a menu entry ("Party drinks $169 up").
    boolean menuLine =
        title != null
            && m.selectFirst(Css.of("img")) == null
            && title.matches("(?s).*\\d.*")
            && org.markwatch.crawler.extract.text.Currencies.findSymbol(title, null) != null;
    return new Member(
        href, title != null && letters(title) >= 4 && !menuLine && pricedLinks(m) < 2);
  }

  /** Distinct pages linked with a price in the link text: two or more make a list, not a card. */
  private static int pricedLinks(Element m) {
    Set<String> hrefs = new HashSet<>();
    int n = 0;
    for (Element a : m.select(Css.of("a[href]"))) {
      if (++n > 60) {
        break;
      }
      String text = Texts.bounded(a, 160);
      if (text != null
          && text.matches("(?s).*\\d.*")
          && org.markwatch.crawler.extract.text.Currencies.findSymbol(text, null) != null) {
        hrefs.add(a.absUrl("href"));
      }
    }
    return hrefs.size();
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /**
   * The kind of a sibling: its tag and its first class, digits left out ("col-3" and "col-4" are
   * alike).
   */
  static String kind(Element e) {
    String cls = e.className().strip();
    int space = cls.indexOf(' ');
    String first = space < 0 ? cls : cls.substring(0, space);
    return e.normalName() + "." + first.replaceAll("\\d+", "");
  }

  /**
   * Whether a price sits in a link, a label or a form (a filter's price range), except the form
   * around the page's own heading: a shop may put its whole product in its add-to-cart form.
   */
  private static boolean inLinkOrOtherForm(Element e, Set<Element> pageBox) {
    Element in = e.closest(Css.of("a[href], label, form"));
    while (in != null && in.normalName().equals("form") && pageBox.contains(in)) {
      in = in.parent() == null ? null : in.parent().closest(Css.of("a[href], label, form"));
    }
    return in != null;
  }

  private static boolean within(Element e, Set<Element> areas) {
    Element a = e;
    for (int up = 0; up < 2 * MAX_CLIMB && a != null; up++, a = a.parent()) {
      if (areas.contains(a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHidden(Element e) {
    return PageHints.isHidden(e);
  }

  /**
   * Inside navigation, a header or footer, a cart, or a filter block: page chrome, whose prices and
   * lines describe no listing of the page.
   */
  public static boolean inPageChrome(Element e) {
    return isExcluded(e);
  }

  /** Inside navigation, a header or footer, a cart, or a filter block. */
  private static boolean isExcluded(Element e) {
    return isExcluded(e, EXCLUDED) || isExcluded(e, FILTER_BLOCK) || isExcluded(e, CONTROLS);
  }

  private static boolean isExcluded(Element parent, Pattern names) {
    for (Element a = parent; a != null && !a.normalName().equals("body"); a = a.parent()) {
      String tag = a.normalName();
      if (tag.equals("nav") || tag.equals("header") || tag.equals("footer")) {
        return true;
      }
      String c = (a.className() + " " + a.id()).toLowerCase(Locale.ROOT);
      if (!c.isBlank()
          && names.matcher(c).find()
          && !typographyHeader(a, c, names)
          && (names != CONTROLS || a.selectFirst(Css.of("img")) == null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the only excluded word of a heading or inline element is "header": CSS frameworks style
   * text with it (Semantic UI's "ui huge header" on a price, "ui header" on the h1).
   */
  private static boolean typographyHeader(Element a, String names, Pattern excluded) {
    return (!a.isBlock() || a.normalName().matches("h[1-6]"))
        && !excluded.matcher(names.replace("header", " ")).find();
  }

  /**
   * Whether a group sits in a sidebar, carousel or block of related products. The blocks that also
   * hold the page's own heading are its main content, whatever their class says (a layout named
   * "cms-section-sidebar" holds the category's title and grid beside its filters).
   */
  private static boolean isRelated(Element parent, Set<Element> pageBox) {
    for (Element a = parent;
        a != null && !a.normalName().equals("body") && !pageBox.contains(a);
        a = a.parent()) {
      if (a.normalName().equals("aside")) {
        return true;
      }
      String c = (a.className() + " " + a.id()).toLowerCase(Locale.ROOT);
      if (!c.isBlank() && RELATED.matcher(c).find()) {
        return true;
      }
    }
    // Hashed class names say nothing: the heading just over the block does ("Đã xem gần đây").
    Element a = parent;
    for (int up = 0;
        up < HEADING_REACH && a != null && !pageBox.contains(a);
        up++, a = a.parent()) {
      // Only the element right before it: a heading further up names the block before it.
      Element before = a.previousElementSibling();
      if (before != null) {
        // The heading itself, or a short title bar holding it (not a block of cards under one).
        Element h =
            before.normalName().matches("h[2-6]")
                ? before
                : !MainPriceFinder.longerThan(before, 80)
                    ? before.selectFirst(Css.of("h2, h3, h4, h5, h6"))
                    : null;
        if (h != null && MainPriceFinder.isOtherProductsHeading(h)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Levels above a group within which a heading before it names its block. */
  private static final int HEADING_REACH = 3;
}
