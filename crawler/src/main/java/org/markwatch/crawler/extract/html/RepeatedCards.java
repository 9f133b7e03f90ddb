package org.markwatch.crawler.extract.html;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Whether an element of a product page sits in a card of a row of other products: a carousel of
 * "similar items", "other items from this seller", "customers also viewed". Such rows are named in
 * every language ("Barang serupa", "이 브랜드의 다른 상품") and their classes are often hashed, so they are
 * told by their shape: three or more siblings of the same tag and class, each a link with a short
 * text, none holding the page's heading. A price in such a card is another product's.
 *
 * <p>One instance per page: it remembers what it found for each row.
 */
public final class RepeatedCards {
  /** Siblings of one shape that make a row of cards. */
  private static final int MIN_CARDS = 3;

  /** More text than this is a column of the layout, not a card. */
  private static final int MAX_CARD_TEXT = 400;

  /** Siblings whose text length is measured, at most. */
  private static final int MEASURED = 4;

  /** Ancestors climbed from an element to its card. */
  private static final int MAX_CLIMB = 8;

  private final Set<Element> pageBox;
  private final Map<Element, Map<String, Boolean>> rows = new IdentityHashMap<>();

  /** Cards of a page whose heading sits in {@code pageBox} (the heading and its ancestors). */
  public RepeatedCards(Set<Element> pageBox) {
    this.pageBox = pageBox;
  }

  /** Whether {@code e} is in (or is) a card of a row of other products. */
  public boolean inCard(Element e) {
    Element a = e;
    for (int up = 0; up < MAX_CLIMB && a != null; up++, a = a.parent()) {
      if (pageBox.contains(a) || a.nameIs("body") || a.nameIs("html")) {
        return false;
      }
      Element parent = a.parent();
      if (parent != null && isCard(parent, a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code e} itself is a card of a row of other products (not one of its descendants): for
   * a walk from the top that skips a card's whole subtree.
   */
  public boolean isCard(Element e) {
    Element parent = e.parent();
    return parent != null && !pageBox.contains(e) && isCard(parent, e);
  }

  private boolean isCard(Element parent, Element member) {
    if (parent.childrenSize() < MIN_CARDS) {
      return false;
    }
    String shape = shape(member);
    return rows.computeIfAbsent(parent, p -> new java.util.HashMap<>())
        .computeIfAbsent(shape, s -> isRow(parent, s));
  }

  private boolean isRow(Element parent, String shape) {
    int cards = 0;
    int measured = 0;
    for (Element sibling : parent.children()) {
      if (!shape.equals(shape(sibling))) {
        continue;
      }
      if (pageBox.contains(sibling)) {
        return false; // the layout's columns: one holds the page's own heading
      }
      // The cards of a row are alike: the first few tell whether they are short.
      if (measured++ < MEASURED && Texts.bounded(sibling, MAX_CARD_TEXT) == null) {
        return false;
      }
      if (sibling.nameIs("a")
          ? sibling.hasAttr("href")
          : sibling.selectFirst(Css.of("a[href]")) != null) {
        cards++;
      }
    }
    return cards >= MIN_CARDS;
  }

  private static String shape(Element e) {
    return e.normalName() + "." + e.className();
  }
}
