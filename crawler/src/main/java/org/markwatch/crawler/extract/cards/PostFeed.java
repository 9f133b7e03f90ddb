package org.markwatch.crawler.extract.cards;

import java.net.URI;
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
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.fallback.PostText;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.OfferText;
import org.markwatch.crawler.extract.text.TextPriceFinder;

/**
 * The selling posts of a feed (a group's wall, a profile, a marketplace browse page): posts whose
 * price is written in their words ("Pass nồi chiên giá 950k") and shown in no price element, so
 * {@link CardFinder} sees no card. Found by shape, like cards: sibling elements of the same kind
 * that each hold a line naming a price and a link of their own to the post (its permalink).
 *
 * <p>Each post's link is the one whose shape (host, path without its last segment, query names)
 * every post has with a different target: the permalink. A link shown as a time ("2 giờ", "Hôm
 * qua") or with a post-like path ("/posts/", "/permalink/", "/item/") is preferred; a profile,
 * photo or hashtag link is not. A post asking to buy ("Cần mua", "Tìm mua") or the group's rules
 * sell nothing and are left out; a selling post without a price ("Ib giá") is kept, priceless.
 */
public final class PostFeed {
  /** Ancestors looked at above a priced line: a post wraps its text within a few levels. */
  private static final int MAX_CLIMB = 12;

  /** Marks a kind made of the tag alone. */
  private static final String BY_TAG = "tag:";

  /** Links looked at per post. */
  private static final int MAX_LINKS = 40;

  /** Candidate groups read, at most (the biggest). */
  private static final int MAX_GROUPS = 24;

  /** Posts returned, at most. */
  private static final int MAX_POSTS = 2_000;

  /**
   * What a post without a price says to sell: asks to be asked for the price ("ib giá", "inbox
   * giá"), or sells ("bán", "pass", "thanh lý", "hàng về"); delivery words alone ("ship") are said
   * of feedback too.
   */
  private static final Pattern SELLING =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(?:(?:ib|inbox|liên hệ|lh|pm|nhắn tin|ib để)\\s*(?:báo\\s*)?giá|giá\\s*(?:ib|inbox|liên hệ)"
              + "|bán|pass|thanh lý|xả kho|xả hàng|order|sẵn hàng|có sẵn|hàng về|for sale|selling"
              // "I sell" on networks in other languages.
              + "|продам|продаю|продається|продаж|verkaufe|vends|vendo|sprzedam|prodám)(?!\\p{L})");

  /** A post asking to buy, the group's rules or a giveaway: no offer, whatever amount it names. */
  private static final Pattern NOT_AN_OFFER =
      Pattern.compile(
          "(?iu)(?<!\\p{L})(cần mua|tìm mua|thu mua|cần tìm|ai có|ai bán|muốn mua|nội quy|quy định|"
              + "cho (?:em|mình|tớ|tôi|e|m) hỏi|xin hỏi|looking for|wanted|wtb|rules|giveaway|minigame|mini game"
              + "|куплю|ищу|отдам даром|kaufe|suche|cherche|busco|compro|kupię)(?!\\p{L})");

  /** Letters a post's first line has at least: it names the item. */
  private static final int MIN_TITLE_LETTERS = 8;

  /** Characters a first line may add to its title link (a prefix badge, a count). */
  private static final int MAX_TITLE_EXTRA = 20;

  /** Characters at the start of a post that say whether it sells or asks. */
  private static final int OPENING_CHARS = 120;

  /** Link text that is a time: the permalink of a post is shown as its age or date. */
  private static final Pattern TIME_TEXT =
      Pattern.compile(
          "(?iu)^\\s*(?:\\d{1,3}\\s*(?:giây|phút|giờ|ngày|tuần|tháng|năm|s|m|h|d|w|y|mins?|hrs?|hours?|days?|weeks?)"
              + "(?:\\s+trước|\\s+ago)?|hôm qua|hôm nay|vừa xong|yesterday|just now|\\d{1,2}\\s+tháng\\s+\\d{1,2}"
              + "|\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?"
              // A clock time, and "today"/"yesterday" in the languages of other networks.
              + "|\\d{1,2}:\\d{2}|сегодня|вчера|сьогодні|вчора|heute|gestern|aujourd'hui|hier|hoy|ayer"
              + "|oggi|ieri|dzisiaj|wczoraj|today)(?!\\p{L})");

  /** Path words of a post's own page. */
  private static final Pattern POST_PATH =
      Pattern.compile(
          "(?i)/(?:posts?|permalink(?:\\.php)?|story(?:\\.php)?|status(?:es)?|p|items?|listings?|reel|reels|"
              + "videos?|watch|ads?|tin|bai-viet|thread|threads)(?:/|\\?|$)");

  /** Path words of a profile, a photo, a tag or an action: never a post's page. */
  private static final Pattern NOT_POST_PATH =
      Pattern.compile(
          "(?i)/(?:users?|u|profile(?:\\.php)?|people|photos?|photo\\.php|hashtag|tags?|explore|search|login|"
              + "share|sharer(?:\\.php)?|messages?|about|members)(?:/|\\?|$)");

  private PostFeed() {}

  /**
   * A selling post of a feed: its element, the URL of its own page, its text (one line per block),
   * the offer its words make (price {@code NONE} for "ib giá"), its picture (nullable).
   */
  public record Post(
      Element root, String url, String text, TextPriceFinder.Offer offer, String image) {}

  /**
   * The selling posts of the feed in {@code root}, in page order; empty when fewer than {@code
   * minPriced} of them name a price, or when the page's own selling post lies outside them (one
   * post's page whose comments quote prices is no feed).
   */
  public static List<Post> find(Element root, int minPriced) {
    return find(root, minPriced, PostText.pricedLines(root));
  }

  /** As {@link #find(Element, int)}, with {@code root}'s {@link PostText#pricedLines} read. */
  public static List<Post> find(Element root, int minPriced, List<Element> priced) {
    if (priced.size() < minPriced) {
      return List.of();
    }
    Map<Element, Map<String, Set<Element>>> groups = new IdentityHashMap<>();
    for (Element line : priced) {
      Element a = line;
      for (int up = 0; up < MAX_CLIMB && a != root && a.parent() != null; up++, a = a.parent()) {
        Map<String, Set<Element>> byKind = groups.computeIfAbsent(a.parent(), k -> new HashMap<>());
        byKind.computeIfAbsent(CardFinder.kind(a), k -> new HashSet<>()).add(a);
        // Atomic CSS may hash each post's classes apart: posts share their tag, not a class.
        byKind.computeIfAbsent(BY_TAG + a.normalName(), k -> new HashSet<>()).add(a);
      }
    }
    Set<Element> pricedSet = Collections.newSetFromMap(new IdentityHashMap<>());
    pricedSet.addAll(priced);
    // The biggest candidate groups only: each is read whole, and a feed is among the biggest.
    record Candidate(Element parent, String kind, int size) {}
    List<Candidate> candidates = new ArrayList<>();
    groups.forEach(
        (parent, kinds) ->
            kinds.forEach(
                (kind, members) -> {
                  if (members.size() >= minPriced) {
                    candidates.add(new Candidate(parent, kind, members.size()));
                  }
                }));
    candidates.sort((x, y) -> Integer.compare(y.size(), x.size()));
    List<Post> best = List.of();
    Map<String, List<Element>> byKind = null;
    for (Candidate c : candidates.subList(0, Math.min(candidates.size(), MAX_GROUPS))) {
      if (byKind == null) {
        // Every element by its kind, read once: each group looks for its kind's elements in it.
        byKind = new HashMap<>();
        for (Element e : root.getAllElements()) {
          byKind.computeIfAbsent(CardFinder.kind(e), k -> new ArrayList<>()).add(e);
        }
      }
      List<Post> posts = read(byKind, c.parent(), c.kind(), pricedSet);
      long withPrice = posts.stream().filter(p -> p.offer().price().hasAmount()).count();
      if (withPrice >= minPriced && posts.size() > best.size()) {
        best = posts;
      }
    }
    if (best.isEmpty()) {
      return best;
    }
    // A selling post outside the feed's posts is the page's own: one post's page whose comments
    // quote prices is no feed (the rules pinned above a feed are no offer and change nothing).
    Set<Element> postRoots = Collections.newSetFromMap(new IdentityHashMap<>());
    best.forEach(p -> postRoots.add(p.root()));
    var outside = PostText.find(root, postRoots, priced);
    if (outside.isPresent() && !NOT_AN_OFFER.matcher(opening(outside.get().text())).find()) {
      return List.of();
    }
    return best;
  }

  /** The posts among the children of {@code parent} of kind {@code kind}. */
  private static List<Post> read(
      Map<String, List<Element>> byKind, Element parent, String kind, Set<Element> pricedLines) {
    List<Element> members = new ArrayList<>();
    boolean byTag = kind.startsWith(BY_TAG);
    for (Element child : parent.children()) {
      String k = byTag ? BY_TAG + child.normalName() : CardFinder.kind(child);
      if (k.equals(kind) && !PostText.isChrome(child)) {
        members.add(child);
      }
    }
    if (byTag
        && members.stream().map(CardFinder::kind).distinct().count() * 10 < members.size() * 8) {
      return List.of(); // posts that share a class are grouped by it
    }
    if (!byTag && members.size() >= 2) {
      // Posts built the same way elsewhere on the page (one pinned above the feed) are posts too.
      Set<Element> in = Collections.newSetFromMap(new IdentityHashMap<>());
      in.addAll(members);
      List<Element> all = new ArrayList<>();
      for (Element e : byKind.getOrDefault(kind, List.of())) {
        if (in.contains(e)
            || e.parent() != parent
                && !PostText.isChrome(e)
                && !within(e, in)
                && e.selectFirst(Css.of("a[href]")) != null) {
          all.add(e);
        }
        if (all.size() > MAX_POSTS) {
          break;
        }
      }
      members = all;
    }
    Set<String> shared = sharedLinks(members);
    String shape = permalinkShape(members, shared);
    if (shape == null) {
      return List.of();
    }
    List<Post> out = new ArrayList<>();
    Set<String> urls = new HashSet<>();
    for (Element m : members) {
      Element link = linkOfShape(m, shape, shared);
      if (link == null || !urls.add(link.absUrl("href"))) {
        continue;
      }
      Element line = firstLine(m, pricedLines, link.absUrl("href"));
      if (line == null) {
        continue;
      }
      Element body = line;
      // Up to the block beside the permalink, or to the permalink itself when it wraps the text.
      while (body.parent() != null
          && body.parent() != m
          && (body.parent() == link || !contains(body.parent(), link))) {
        body = body.parent();
      }
      String text = PostText.lines(body);
      if (text == null || text.isBlank() || NOT_AN_OFFER.matcher(opening(text)).find()) {
        continue;
      }
      TextPriceFinder.Offer offer =
          pricedLines.contains(line)
              ? TextPriceFinder.offer(text, true)
              : TextPriceFinder.Offer.NONE;
      if (!offer.price().hasAmount() && !SELLING.matcher(text).find()) {
        continue;
      }
      String opening = text.lines().findFirst().orElse("");
      String linkText = link.text().strip();
      if (CardLinks.letters(linkText) >= MIN_TITLE_LETTERS
          && opening.contains(linkText)
          && opening.length() - linkText.length() <= MAX_TITLE_EXTRA) {
        // The thread's title link, after a prefix badge ("Bán", "[WTS]"): the title is the link's.
        text = linkText + text.substring(opening.length());
        opening = linkText;
      }
      if (CardLinks.letters(opening) < MIN_TITLE_LETTERS) {
        continue; // a price or a count alone ("59,90 €*") is a card's box, not a post
      }
      out.add(new Post(m, link.absUrl("href"), text, offer, CardLinks.image(m)));
      if (out.size() >= MAX_POSTS) {
        break;
      }
    }
    return out;
  }

  /**
   * The first line of {@code post} that names a price, else its first line that names a way to sell
   * ("Ib giá nha") outside links other than the post's own {@code permalink} (the author's name
   * "Kho Pass Công Nghệ" is no post), else null.
   */
  private static Element firstLine(Element post, Set<Element> pricedLines, String permalink) {
    Element selling = null;
    for (Element e : post.getAllElements()) {
      if (pricedLines.contains(e)) {
        return e;
      }
      if (selling == null
          && e.isBlock()
          && e.closest(Css.of("h1, h2, h3, h4, h5, h6")) == null
          && e.children().stream().noneMatch(Element::isBlock)
          && SELLING.matcher(e.text()).find()
          && outsideOtherLinks(e, permalink)) {
        selling = e;
      }
    }
    return selling;
  }

  private static boolean outsideOtherLinks(Element e, String permalink) {
    Element a = e.closest(Css.of("a[href]"));
    if (a != null) {
      return a.absUrl("href").equals(permalink);
    }
    // A line that is a link and nothing more: the author's name in its own block.
    String text = e.text().strip();
    for (Element inner : e.select(Css.of("a[href]"))) {
      if (!inner.absUrl("href").equals(permalink) && inner.text().strip().equals(text)) {
        return false;
      }
    }
    return true;
  }

  /** Whether an ancestor of {@code e} is in {@code set}. */
  private static boolean within(Element e, Set<Element> set) {
    for (Element a = e.parent(); a != null; a = a.parent()) {
      if (set.contains(a)) {
        return true;
      }
    }
    return false;
  }

  /** The start of a post, where it says whether it sells or asks. */
  private static String opening(String text) {
    return text.substring(0, Math.min(text.length(), OPENING_CHARS));
  }

  private static boolean contains(Element outer, Element inner) {
    for (Element e = inner; e != null; e = e.parent()) {
      if (e == outer) {
        return true;
      }
    }
    return false;
  }

  /**
   * The shape of the posts' permalinks: of the link shapes most posts hold, each post with its own
   * target, the one shown as a time or with a post-like path; null when none reaches most posts.
   */
  private static String permalinkShape(List<Element> members, Set<String> shared) {
    Map<String, Integer> reach = new LinkedHashMap<>();
    Map<String, Set<String>> targets = new HashMap<>();
    Map<String, Integer> bonus = new HashMap<>();
    for (Element m : members) {
      // Per shape, the post's own link of it (as linkOfShape picks it) and how post-like it is.
      Map<String, Element> bestHere = new LinkedHashMap<>();
      Map<String, Integer> bonusHere = new HashMap<>();
      int n = 0;
      for (Element a : linksOf(m)) {
        if (++n > MAX_LINKS) {
          break;
        }
        String href = a.absUrl("href");
        String shape = shape(href);
        if (shape == null || shared.contains(href) || OfferText.inReviews(a)) {
          continue;
        }
        int b = linkBonus(a, href);
        if (!bestHere.containsKey(shape) || b > bonusHere.get(shape)) {
          bestHere.put(shape, a);
          bonusHere.put(shape, b);
        }
      }
      for (Map.Entry<String, Element> e : bestHere.entrySet()) {
        String shape = e.getKey();
        targets.computeIfAbsent(shape, k -> new HashSet<>()).add(e.getValue().absUrl("href"));
        bonus.merge(shape, bonusHere.get(shape), Math::max);
        reach.merge(shape, 1, Integer::sum);
      }
    }
    String best = null;
    int bestScore = Integer.MIN_VALUE;
    for (Map.Entry<String, Integer> e : reach.entrySet()) {
      int posts = e.getValue();
      // Every post its own target: an author or hashtag link repeats across posts.
      if (posts * 2 < members.size() || targets.get(e.getKey()).size() * 10 < posts * 9) {
        continue;
      }
      int score = posts * 4 + bonus.get(e.getKey()) * Math.max(1, members.size());
      if (bonus.get(e.getKey()) < 0) {
        continue;
      }
      if (score > bestScore) {
        bestScore = score;
        best = e.getKey();
      }
    }
    return best;
  }

  private static List<Element> linksOf(Element m) {
    List<Element> out = new ArrayList<>();
    if (m.nameIs("a") && m.hasAttr("href")) {
      out.add(m);
    }
    out.addAll(m.select(Css.of("a[href]")));
    return out;
  }

  /**
   * How much a link looks like a post's own: shown as a time, a post-like path, a thread's title in
   * a heading; a profile, photo or tag path does not.
   */
  private static int linkBonus(Element a, String href) {
    int b = 0;
    String path = pathOf(href);
    if (shownAsTime(a)) {
      b += 2;
    }
    if (POST_PATH.matcher(path).find()) {
      b += 1;
    }
    if (a.closest(Css.of("h1, h2, h3, h4, h5, h6")) != null
        && CardLinks.letters(a.text()) >= MIN_TITLE_LETTERS) {
      // A topic's title as a heading link: a forum's list of threads links each this way (and to
      // its last reply, shown as a time, by another link).
      b += 2;
    }
    if (NOT_POST_PATH.matcher(path).find()) {
      b -= 3;
    }
    return b;
  }

  /**
   * The post's link of {@code shape}: of those leading nowhere another post leads ({@code shared}:
   * the group's or author's page) and outside its replies, the one most like a post's own, the
   * first on ties.
   */
  private static Element linkOfShape(Element m, String shape, Set<String> shared) {
    Element best = null;
    int bestBonus = Integer.MIN_VALUE;
    Element timed = null;
    int n = 0;
    for (Element a : linksOf(m)) {
      if (++n > MAX_LINKS) {
        break;
      }
      String href = a.absUrl("href");
      if (shared.contains(href) || OfferText.inReviews(a)) {
        continue;
      }
      String other = shape(href);
      if (!shape.equals(other)) {
        if (timed == null
            && other != null
            && !hostOfShape(other).equals(hostOfShape(shape))
            && shownAsTime(a)
            && !NOT_POST_PATH.matcher(pathOf(href)).find()) {
          timed = a;
        }
        continue;
      }
      int b = linkBonus(a, href);
      if (b > bestBonus) {
        best = a;
        bestBonus = b;
      }
    }
    // A post boosted from another server links to itself there, still shown as its time (on the
    // same server, a post without a link of the shape is pinned or of another kind).
    return best != null ? best : timed;
  }

  /** Text a link shown as a time has at most ("1 Std.", "11. Mai 2024", "2 giờ trước"). */
  private static final int MAX_TIME_LINK_CHARS = 30;

  /**
   * Whether most of {@code roots} (cards found by their shape) link to themselves by a short link
   * holding a {@code time} element: posts of a feed, which a shop's grid of products never does.
   */
  public static boolean timedMost(List<Element> roots) {
    int timed = 0;
    for (Element root : roots) {
      // A time element in a short link: a post's age as the networks' pages mark it up. Texts
      // alone ("29.95 CHF" reads as a date, an auction's "2T 3Std") say too little here.
      for (Element time : root.select(Css.of("a[href] time"))) {
        Element a = time.closest(Css.of("a[href]"));
        if (a != null && a.text().length() <= MAX_TIME_LINK_CHARS) {
          timed++;
          break;
        }
      }
    }
    return !roots.isEmpty() && timed * 2 > roots.size();
  }

  /** The host a {@link #shape} starts with. */
  private static String hostOfShape(String shape) {
    int slash = shape.indexOf('/');
    return slash < 0 ? shape : shape.substring(0, slash);
  }

  /** A link shown as a time: a post's age or date, or a {@code time} element. */
  private static boolean shownAsTime(Element a) {
    return TIME_TEXT.matcher(a.text()).find() || a.selectFirst(Css.of("time, abbr")) != null;
  }

  /** Links found in more than one post: the group's, an author's, a tag's page. */
  private static Set<String> sharedLinks(List<Element> members) {
    Map<String, Integer> posts = new HashMap<>();
    for (Element m : members) {
      Set<String> here = new HashSet<>();
      int n = 0;
      for (Element a : linksOf(m)) {
        if (++n > MAX_LINKS) {
          break;
        }
        here.add(a.absUrl("href"));
      }
      here.forEach(h -> posts.merge(h, 1, Integer::sum));
    }
    Set<String> shared = new HashSet<>();
    posts.forEach(
        (h, count) -> {
          if (count > 1) {
            shared.add(h);
          }
        });
    return shared;
  }

  /** Host, path without its last segment, and the names of the query's parameters. */
  static String shape(String href) {
    if (href == null || href.isEmpty() || !CardLinks.isWebUrl(href)) {
      return null;
    }
    try {
      URI u = URI.create(href);
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      int slash = trimmed.lastIndexOf('/');
      String dir = slash < 0 ? "" : trimmed.substring(0, slash);
      Set<String> names = new TreeSet<>();
      if (u.getRawQuery() != null) {
        for (String kv : u.getRawQuery().split("&")) {
          String name = kv.split("=", 2)[0];
          // Tracking parameters vary between posts and say nothing of the link's kind.
          if (!name.startsWith("__") && !name.startsWith("utm_")) {
            names.add(name);
          }
        }
      }
      return (u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT))
          // A segment with a digit is an id, numbers alone or base-36 ("1dfk0c3"); one starting
          // with "@" is an author's handle ("/@mila/1124…": the posts of every author alike).
          + dir.replaceAll("/@[^/]+", "/@").replaceAll("[^/]*\\d[^/]*", "#")
          + "/*?"
          + String.join("&", names);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String pathOf(String href) {
    try {
      URI u = URI.create(href);
      return (u.getRawPath() == null ? "" : u.getRawPath())
          + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
