package org.markwatch.crawler.extract.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Text of an element read with a bound, so a check on a short text never reads a whole page (a
 * card's price box, a spec row's cell).
 */
public final class Texts {
  private Texts() {}

  /**
   * The element's text with whitespace collapsed, or null when it is longer than {@code max}
   * characters.
   */
  public static String bounded(Element e, int max) {
    StringBuilder sb = new StringBuilder();
    boolean[] over = {false};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element el) {
              String tag = el.normalName();
              if (tag.equals("script")
                  || tag.equals("style")
                  || tag.equals("noscript")
                  || tag.equals("template")) {
                return FilterResult.SKIP_ENTIRELY;
              }
              if (el.isBlock() && sb.length() > 0) {
                sb.append(' ');
              }
            } else if (node instanceof TextNode t) {
              sb.append(t.getWholeText());
              if (sb.length() > max * 4 + 64) {
                over[0] = true;
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        e);
    if (over[0]) {
      return null;
    }
    String s = sb.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    return s.length() > max ? null : s;
  }
}
