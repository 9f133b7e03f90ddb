package org.markwatch.crawler.extract.fallback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.text.TextPriceFinder;

/**
 * The selling post of a social page: a block of free text that offers an item with its price in
 * words ("Giá gốc 650k, nay giá chỉ 450k … Zalo 0912 345 678"). Shops on social networks mark no
 * price anywhere, so when no other layer finds one, the post's own words are the page's offer.
 *
 * <p>Blocks are found by what social and blog markup calls them (post, message, caption, story,
 * status, entry, content, text, description; article elements and roles), never by site. The first
 * block in page order that names a price and a way to buy (a phone number, "inbox", "Zalo", "ship")
 * is the post; of blocks nested in one another, the innermost.
 */
public final class PostText {
  /** Blocks whose text may be a post. */
  private static final String BLOCKS =
      "article, [role=article], [class*=post], [class*=message], [class*=caption],"
          + " [class*=status], [class*=story], [class*=entry], [class*=content], [class*=text],"
          + " [class*=desc], [itemprop=articleBody], [itemprop=text], [itemprop=description]";

  /** Page chrome never holds the post. */
  private static final String CHROME =
      "header, nav, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo],"
          + " [role=complementary]";

  /** A way to buy: a phone number or words that ask the reader to order. */
  private static final Pattern SELLING =
      Pattern.compile(
          "(?iu)(?<!\\d)(?:0|\\+84)\\d{2,3}[\\s.]?\\d{3}[\\s.]?\\d{3,4}(?!\\d)"
              + "|(?<!\\p{L})(inbox|ib|zalo|đặt hàng|order|liên hệ|lh|nhắn tin|dm|pm|ship|cod|"
              + "giao hàng|freeship|còn hàng|whatsapp|telegram|call|mua ngay)(?!\\p{L})");

  private static final int MIN_CHARS = 40;
  private static final int MAX_CHARS = 3_000;

  /** Blocks looked at, at most: a post is near the top of what a social page shows. */
  private static final int MAX_BLOCKS = 400;

  /** A post: its text with one line per block or line break, and the offer it makes. */
  public record Post(String text, TextPriceFinder.Offer offer) {}

  private PostText() {}

  /** The selling post in {@code root}, if any. */
  public static Optional<Post> find(Element root) {
    List<Element> found = new ArrayList<>();
    List<Post> posts = new ArrayList<>();
    int seen = 0;
    for (Element block : root.select(Css.of(BLOCKS))) {
      if (++seen > MAX_BLOCKS) {
        break;
      }
      if (!found.isEmpty() && !isInside(block, found.get(found.size() - 1))) {
        break; // the first post and the blocks inside it have been seen
      }
      if (block.closest(Css.of(CHROME)) != null) {
        continue;
      }
      String text = lines(block);
      if (text.length() < MIN_CHARS || text.length() > MAX_CHARS) {
        continue;
      }
      TextPriceFinder.Offer offer = TextPriceFinder.offer(text);
      if (!offer.price().hasAmount() || !SELLING.matcher(text).find()) {
        continue;
      }
      found.add(block);
      posts.add(new Post(text, offer));
    }
    return posts.isEmpty() ? Optional.empty() : Optional.of(posts.get(posts.size() - 1));
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text of {@code e} with a line break between blocks and at {@code <br>}; reading stops soon
   * after {@value #MAX_CHARS} characters (such a block is no post).
   */
  static String lines(Element e) {
    StringBuilder sb = new StringBuilder();
    e.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (sb.length() > 2 * MAX_CHARS) {
              return FilterResult.STOP;
            }
            if (node instanceof TextNode t) {
              sb.append(t.text());
            } else if (node instanceof Element el && (el.isBlock() || el.nameIs("br"))) {
              sb.append('\n');
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el && el.isBlock()) {
              sb.append('\n');
            }
            return FilterResult.CONTINUE;
          }
        });
    return sb.toString()
        .replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ")
        .replaceAll(" ?\\n[\\n ]*", "\n")
        .strip();
  }
}
