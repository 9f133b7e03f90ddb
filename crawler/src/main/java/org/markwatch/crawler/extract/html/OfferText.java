package org.markwatch.crawler.extract.html;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The text a page shows for its offer: without the options of a variant picker nobody chose and
 * without shoppers' reviews and comments, which quote what someone paid once ("Mua đợt trước
 * 11.990.000đ"). The options not chosen: "Merah (Rp1.299.000)" beside the chosen "Putih", or a
 * {@code <select>}'s other options. Markup often describes one variant (the first, or the cheapest)
 * while the page shows another chosen; a markup price shown only on an option nobody chose is not
 * the price the page asks.
 *
 * <p>An element is such an option when it is an unselected {@code <option>} of a select that has
 * one selected (or a first one), or when its class names an option, variant, swatch or chip, it has
 * a sibling of the same tag marked chosen (a "selected", "active", "checked" or "current" class, or
 * {@code aria-checked/pressed/selected="true"}), and it is not marked so itself.
 */
public final class OfferText {
  private static final Pattern CHOICE_CLASS =
      Pattern.compile("option|variant|swatch|chip|choice|variation");
  private static final Pattern CHOSEN_CLASS =
      Pattern.compile("(?<![a-z])(?:selected|active|checked|current|chosen)|is(?:selected|active)");
  private static final int MAX_SIBLINGS = 60;

  /** Text of a tile of a picker at most: a name and a price ("Paperback $22.99"). */
  private static final int MAX_TILE_TEXT = 80;

  /**
   * Blocks of shoppers' words, by class or id: "review-list", "comment-content", "replies",
   * "reply_content"; not a state of the page ("comments-open"), a count beside the title
   * ("review-count") or a forum's box for a new reply ("js-replyNewMessageContainer", which holds
   * the thread's posts).
   */
  private static final Pattern REVIEW_BLOCK =
      Pattern.compile(
          "(?<![a-z])(?:reviews?|comments?|repl(?:ies|y(?=[-_\\s]|$))|binh-?luan|danh-?gia|ratings?-list)"
              + "(?![-_]?(?:open|closed|enabled|disabled|count|link|number|summary|stars?))");

  private OfferText() {}

  /**
   * The text of {@code root} without the options nobody chose and the reviews, spaced as {@link
   * Element#text()} spaces it: inline elements join ("1.299<sup>000</sup>"), blocks and breaks are
   * apart.
   */
  public static String of(Element root) {
    return of(root, null);
  }

  /**
   * As {@link #of(Element)}, and without the cards of rows of other products ({@code otherCards},
   * null for none): a carousel shows other products' prices, and another variant's.
   */
  public static String of(Element root, RepeatedCards otherCards) {
    StringBuilder out = new StringBuilder();
    root.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
              out.append(t.text());
            } else if (node instanceof Element e) {
              if (node != root
                  && (isUnchosen(e)
                      || isReviews(e)
                      || (otherCards != null && otherCards.isCard(e)))) {
                return FilterResult.SKIP_ENTIRELY;
              }
              apart(e);
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
              apart(e);
            }
            return FilterResult.CONTINUE;
          }

          private void apart(Element e) {
            if ((e.isBlock() || e.nameIs("br"))
                && !out.isEmpty()
                && out.charAt(out.length() - 1) != ' ') {
              out.append(' ');
            }
          }
        });
    return out.toString();
  }

  /** Whether {@code e} is an option of a picker that is not the chosen one. */
  public static boolean isUnchosen(Element e) {
    if (e.nameIs("option")) {
      Element select = e.parent();
      if (e.hasAttr("selected") || select == null) {
        return false;
      }
      boolean anySelected = false;
      for (Element o : select.children()) {
        anySelected |= o.hasAttr("selected");
      }
      // Without a selected option the browser shows the first.
      return anySelected || e.elementSiblingIndex() > 0;
    }
    String cls = e.className();
    if (cls.isEmpty() || chosen(e)) {
      return false;
    }
    // A class naming a choice is enough; otherwise ("format-tile" beside "format-tile
    // format-tile--selected") a short tile whose sibling of the same first class is the chosen one.
    Element parent = e.parent();
    if (parent == null || parent.childrenSize() < 2 || parent.childrenSize() > MAX_SIBLINGS) {
      return false;
    }
    boolean choice = CHOICE_CLASS.matcher(cls.toLowerCase(Locale.ROOT)).find();
    String first = firstClass(cls);
    for (Element sibling : parent.children()) {
      if (sibling != e
          && sibling.tagName().equals(e.tagName())
          && (choice || first.equals(firstClass(sibling.className())))
          && chosen(sibling)) {
        return choice || Texts.bounded(e, MAX_TILE_TEXT) != null;
      }
    }
    return false;
  }

  /** Whether {@code e} sits in a block of shoppers' reviews or comments. */
  public static boolean inReviews(Element e) {
    int depth = 0;
    // Up to the body's children: a class on the body or html says what the page allows.
    for (Element a = e;
        a != null && depth < 30 && !a.nameIs("body") && !a.nameIs("html");
        a = a.parent(), depth++) {
      if (isReviews(a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isReviews(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
    return !names.isBlank() && REVIEW_BLOCK.matcher(names).find();
  }

  private static boolean ariaChosen(Element e) {
    return e.attributesSize() > 0
        && ("true".equals(e.attr("aria-checked"))
            || "true".equals(e.attr("aria-pressed"))
            || "true".equals(e.attr("aria-selected"))
            || "true".equals(e.attr("aria-current")));
  }

  private static String firstClass(String cls) {
    String c = cls.strip();
    int space = c.indexOf(' ');
    return space < 0 ? c : c.substring(0, space);
  }

  private static boolean chosen(Element e) {
    if (ariaChosen(e)) {
      return true;
    }
    // A tile whose button or input says it is the chosen one: <li><button aria-pressed="true">.
    for (Element child : e.children()) {
      if (ariaChosen(child) || child.nameIs("input") && child.hasAttr("checked")) {
        return true;
      }
    }
    String cls = e.className();
    return !cls.isEmpty() && CHOSEN_CLASS.matcher(cls.toLowerCase(Locale.ROOT)).find();
  }
}
