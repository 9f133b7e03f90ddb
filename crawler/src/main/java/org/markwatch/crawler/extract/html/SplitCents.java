package org.markwatch.crawler.extract.html;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * A price whose cents are written apart, raised or in their own element ("2.199<sup>99</sup> Lei",
 * "$2,849<sup>50</sup>", a "cents" span): its text with the cents joined to the amount by a decimal
 * separator the amount does not use, so "2.199" and "99" read as 2199.99 and not as 2.19999.
 */
public final class SplitCents {
  private static final Pattern CENTS_CLASS =
      Pattern.compile("(?:^|[\\s_-])(?:cents|fraction|decimals?)(?:$|[\\s_-])");

  /** Nodes read at most: a price is a few elements. */
  private static final int MAX_NODES = 40;

  private SplitCents() {}

  /**
   * The text of {@code e} with its split cents joined, or null when it has none (or is too big to
   * be one price).
   */
  public static String join(Element e) {
    StringBuilder sb = new StringBuilder();
    boolean[] joined = {false};
    int[] nodes = {0};
    boolean[] tooBig = {false};
    e.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (++nodes[0] > MAX_NODES) {
              tooBig[0] = true;
              return FilterResult.STOP;
            }
            if (node instanceof TextNode t) {
              sb.append(t.getWholeText());
            } else if (node instanceof Element el && el != e && isCents(el)) {
              String whole = sb.toString().stripTrailing();
              if (whole.matches("(?s).*\\d[.,]")) {
                // The separator is written in an element of its own: "16<span>,</span><span
                // class=fraction>49</span>".
                sb.setLength(whole.length());
                sb.append(el.text().strip()).append(' ');
                joined[0] = true;
                return FilterResult.SKIP_ENTIRELY;
              }
              if (!whole.isEmpty() && Character.isDigit(whole.charAt(whole.length() - 1))) {
                String amount = whole.replaceAll(".*?([\\d.,'\\s\u00a0]*)$", "$1");
                String separator =
                    amount.contains(",") && !amount.contains(".")
                        ? "."
                        : amount.contains(".") ? "," : ".";
                sb.setLength(whole.length());
                sb.append(separator).append(el.text().strip()).append(' ');
                joined[0] = true;
                return FilterResult.SKIP_ENTIRELY;
              }
            }
            return FilterResult.CONTINUE;
          }
        });
    if (tooBig[0] || !joined[0]) {
      return null;
    }
    return sb.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }

  /**
   * Whether {@code el} is a part of a split price, never a price alone: its cents, or the amount
   * its cents follow.
   */
  public static boolean isPart(Element el) {
    return isCents(el) || el.nextElementSibling() != null && isCents(el.nextElementSibling());
  }

  /** Two digits raised, or in an element named for cents. */
  private static boolean isCents(Element el) {
    if (el.childrenSize() > 0 || !el.text().strip().matches("\\d{2}")) {
      return false;
    }
    return el.nameIs("sup") || CENTS_CLASS.matcher(el.className().toLowerCase(Locale.ROOT)).find();
  }
}
