package org.markwatch.crawler.extract.fallback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.html.OfferText;
import org.markwatch.crawler.extract.html.WrittenLines;
import org.markwatch.crawler.extract.text.TextPriceFinder;

/**
 * The selling post of a social page: a block of free text that offers an item with its price in
 * words ("Giá gốc 650k, nay giá chỉ 450k … Zalo 0912 345 678"). Shops on social networks mark no
 * price anywhere, so when no other layer finds one, the post's own words are the page's offer.
 *
 * <p>Found by structure, not by name (social networks obfuscate their class names): the first line
 * of the page, outside its chrome, that names a price, and around it the smallest block of at least
 * {@value #MIN_LINES} lines that also names a way to buy (a phone number, "inbox", "Zalo", "ship").
 * A post comes before its comments, so a reply quoting a price is never taken for it.
 */
public final class PostText {
  /** Page chrome never holds the post. */
  private static final String CHROME =
      "header, nav, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo],"
          + " [role=complementary]";

  /** A way to buy: a phone number or words that ask the reader to order. */
  private static final Pattern SELLING =
      Pattern.compile(
          "(?iu)(?<!\\d)(?:0|\\+84)\\d{2,3}[\\s.]?\\d{3}[\\s.]?\\d{3,4}(?!\\d)"
              + "|(?<!\\p{L})(inbox|ib|zalo|đặt hàng|order|liên hệ|lh|nhắn tin|dm|pm|ship|cod|"
              + "giao hàng|freeship|còn hàng|whatsapp|telegram|call|mua ngay|link ở bio|link bio|"
              + "link trong bio|link mua|để mua)(?!\\p{L})");

  private static final int MIN_CHARS = 40;
  private static final int MAX_CHARS = 3_000;

  /** Nodes read for a block's text at most; a block with more is no post. */
  private static final int MAX_NODES_PER_BLOCK = 20_000;

  /** Characters of a caption written as one paragraph that make it a post without lines. */
  private static final int ONE_PARAGRAPH_CHARS = 120;

  /** Lines a post has at least: a title line, its details, the price, how to buy. */
  public static final int MIN_LINES = 3;

  /** Text nodes looked at, at most: a post is near the top of what a social page shows. */
  private static final int MAX_TEXT_NODES = 5_000;

  /** A post: its block, its text with one line per block or line break, and the offer it makes. */
  public record Post(Element block, String text, TextPriceFinder.Offer offer) {}

  private PostText() {}

  /** An open dialog: a post opened over a feed is the page's subject, whatever the feed shows. */
  private static final String OPEN_DIALOG = "[aria-modal=true], dialog[open]";

  /** Dialogs of a shop's own (a cart drawer, a newsletter), never a post's. */
  private static final Pattern SHOP_DIALOG =
      Pattern.compile("(?i)cart|basket|newsletter|cookie|consent|size-?guide|login|signin");

  /** The selling post in {@code root}, if any; one in an open dialog first. */
  public static Optional<Post> find(Element root) {
    return find(root, Set.of());
  }

  /**
   * As {@link #find(Element)}, outside the blocks in {@code apart} (a list page's cards): a post
   * among them is theirs, and a block holding one of them is no post.
   */
  public static Optional<Post> find(Element root, Set<Element> apart) {
    return find(root, apart, pricedLines(root));
  }

  /**
   * As {@link #find(Element, Set)}, with the page's {@link #pricedLines} already read: a page
   * looked at as a feed, then as a list, then as a product reads them once.
   */
  public static Optional<Post> find(Element root, Set<Element> apart, List<Element> pricedLines) {
    for (Element dialog : root.select(Css.of(OPEN_DIALOG))) {
      if (!PageHints.isHidden(dialog)
          && !SHOP_DIALOG.matcher(dialog.className() + " " + dialog.id()).find()) {
        List<Element> inside =
            pricedLines.stream().filter(l -> l == dialog || l.parents().contains(dialog)).toList();
        Optional<Post> inDialog = findIn(dialog, apart, inside);
        if (inDialog.isPresent()) {
          return inDialog;
        }
      }
    }
    return findIn(root, apart, pricedLines);
  }

  private static Optional<Post> findIn(Element root, Set<Element> apart, List<Element> priced) {
    Set<Element> judged = Collections.newSetFromMap(new IdentityHashMap<>());
    // The blocks that hold one of the blocks apart, found once: a post holds none of them.
    Set<Element> aboveApart = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element a : apart) {
      Element up = a.parent();
      while (up != null && aboveApart.add(up)) {
        up = up.parent(); // each ancestor once: the walk stops where an earlier one joined
      }
    }
    lines:
    for (Element line : priced) {
      if (OfferText.inReviews(line)) {
        continue; // "được báo giá khoảng 14 triệu" in a review is what a shopper was told
      }
      if (!apart.isEmpty()) {
        for (Element a = line; a != null && a != root; a = a.parent()) {
          if (apart.contains(a)) {
            continue lines;
          }
        }
      }
      for (Element block = line; block != null && block != root; block = block.parent()) {
        if (aboveApart.contains(block)) {
          break;
        }
        if (!judged.add(block)) {
          break; // this block and the ones around it were weighed for an earlier line
        }
        String text = lines(block);
        if (text == null || text.length() > MAX_CHARS) {
          break;
        }
        if (text.length() < MIN_CHARS
            // A caption written as one long paragraph is a post too.
            || text.lines().count() < MIN_LINES && text.length() < ONE_PARAGRAPH_CHARS
            || !SELLING.matcher(text).find()) {
          continue;
        }
        TextPriceFinder.Offer offer = TextPriceFinder.offer(text, true);
        if (offer.price().hasAmount()) {
          return Optional.of(new Post(block, text, offer));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The lines (nearest blocks) under {@code root}, outside page chrome, that name a price in words
   * or with a currency, in page order; at most {@value #MAX_TEXT_NODES} text nodes are read.
   */
  public static List<Element> pricedLines(Element root) {
    Set<Element> linesSeen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Element> out = new ArrayList<>();
    for (TextNode t : textNodes(root)) {
      Element line = blockOf(t);
      if (line == null || !linesSeen.add(line) || isChrome(line)) {
        continue;
      }
      String lineText = ownLines(line);
      if (lineText != null
          && lineText.length() <= MAX_CHARS
          && TextPriceFinder.offer(lineText, true).price().hasAmount()) {
        out.add(line);
      }
    }
    return out;
  }

  /** Whether {@code e} sits in the page's chrome (header, navigation, footer, a side column). */
  public static boolean isChrome(Element e) {
    return e.closest(Css.of(CHROME)) != null;
  }

  /** The text nodes with a digit under {@code root}, in page order, outside scripts and styles. */
  private static List<TextNode> textNodes(Element root) {
    List<TextNode> out = new ArrayList<>();
    root.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e
                && (e.nameIs("script")
                    || e.nameIs("style")
                    || e.nameIs("template")
                    || e.nameIs("noscript")
                    || e.nameIs("svg"))) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (out.size() >= MAX_TEXT_NODES) {
              return FilterResult.STOP;
            }
            if (node instanceof TextNode t && t.text().chars().anyMatch(Character::isDigit)) {
              out.add(t);
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        });
    return out;
  }

  /**
   * The text a block shows itself, outside the blocks inside it (an article whose picture badge
   * "1/4" is its own text is not the line of its caption's price); null when too long.
   */
  static String ownLines(Element line) {
    return text(line, true);
  }

  /** The nearest block element around {@code t}: its line. */
  static Element blockOf(TextNode t) {
    Element e = t.parent();
    // A custom element ("shreddit-post") is unknown to the parser, which makes it inline; pages
    // style their own elements as blocks.
    while (e != null && !e.isBlock() && e.normalName().indexOf('-') < 0) {
      e = e.parent();
    }
    return e;
  }

  /**
   * The text of {@code e} with a line break between blocks and at {@code <br>}; reading stops soon
   * after {@value #MAX_CHARS} characters or {@value #MAX_NODES_PER_BLOCK} nodes, giving null (such
   * a block is no post).
   */
  public static String lines(Element e) {
    return text(e, false);
  }

  /** The text of {@code e}, with or without the blocks inside it ({@code ownOnly}). */
  private static String text(Element e, boolean ownOnly) {
    StringBuilder sb = new StringBuilder();
    int[] nodes = {0};
    boolean[] tooLong = {false};
    e.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            // Empty elements add no text: a hostile page of a million of them is cut by count.
            if (sb.length() > 2 * MAX_CHARS || ++nodes[0] > MAX_NODES_PER_BLOCK) {
              tooLong[0] = true;
              return FilterResult.STOP;
            }
            boolean block = node instanceof Element el && el.isBlock();
            if (ownOnly && block && node != e) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode t) {
              sb.append(WrittenLines.has(t) ? String.join("\n", WrittenLines.of(t)) : t.text());
            } else if (block && !ownOnly || node instanceof Element el && el.nameIs("br")) {
              sb.append('\n');
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (!ownOnly && node instanceof Element el && el.isBlock()) {
              sb.append('\n');
            }
            return FilterResult.CONTINUE;
          }
        });
    if (tooLong[0]) {
      return null;
    }
    return sb.toString()
        .replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ")
        .replaceAll(" ?\\n[\\n ]*", "\n")
        .strip();
  }
}
