package org.markwatch.crawler.extract.html;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The classes a page's own style sheets strike through ({@code .gia-cu { text-decoration:
 * line-through }}): a shop that names its old price in its own language ("gia-cu", "prix-barre")
 * still says so in the {@code <style>} it ships with the page. Only the last compound of a selector
 * counts ({@code .card .was} strikes {@code was}, {@code .was span} strikes nothing named).
 *
 * <p>Not a CSS engine: no cascade, no specificity, no external sheets. A page that strikes its old
 * price only from a linked sheet still depends on the class names the extractors know. Bounded: the
 * first {@value #MAX_CSS_CHARS} characters of inline style are read.
 */
public final class StruckClasses {
  /** Inline CSS read, at most. */
  static final int MAX_CSS_CHARS = 512 * 1024;

  /** Longest selector list read before a struck rule. */
  static final int MAX_SELECTOR_CHARS = 2_000;

  private static final Pattern LINE_THROUGH =
      Pattern.compile("text-decoration(?:-line)?\\s*:[^;]*line-through");

  private static final Pattern CLASS = Pattern.compile("\\.(-?[_a-zA-Z][\\w-]*)");

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

  private final Set<String> classes;

  private StruckClasses(Set<String> classes) {
    this.classes = classes;
  }

  /** None: nothing is struck by a style sheet. */
  public static final StruckClasses NONE = new StruckClasses(Set.of());

  /** The struck classes of {@code doc}'s inline style sheets. */
  public static StruckClasses of(Document doc) {
    if (doc == null) {
      return NONE;
    }
    StringBuilder css = new StringBuilder();
    for (Element style : doc.getElementsByTag("style")) {
      String data = style.data();
      if (data.indexOf("line-through") < 0) {
        continue;
      }
      css.append(data, 0, Math.min(data.length(), MAX_CSS_CHARS - css.length())).append('\n');
      if (css.length() >= MAX_CSS_CHARS) {
        break;
      }
    }
    return css.isEmpty() ? NONE : parse(css.toString());
  }

  /**
   * The struck classes of a style sheet's text. One pass from each "line-through" back to its
   * rule's opening brace and selector: a page's CSS is often hundreds of kilobytes, and a
   * rule-by-rule regular expression backtracks over all of it.
   */
  public static StruckClasses parse(String css) {
    String text = css.contains("/*") ? COMMENT.matcher(css).replaceAll("") : css;
    Set<String> found = new HashSet<>();
    for (int at = text.indexOf("line-through");
        at >= 0;
        at = text.indexOf("line-through", at + 1)) {
      int open = text.lastIndexOf('{', at);
      if (open < 0 || text.lastIndexOf('}', at) > open) {
        continue; // not inside a rule's declarations
      }
      int declaration = Math.max(text.lastIndexOf(';', at), open) + 1;
      String property = text.substring(declaration, at).toLowerCase(Locale.ROOT);
      if (!LINE_THROUGH.matcher(property + "line-through").find()) {
        continue;
      }
      int selectorStart =
          Math.max(Math.max(text.lastIndexOf('}', open), text.lastIndexOf('{', open - 1)), -1) + 1;
      if (open - selectorStart > MAX_SELECTOR_CHARS) {
        continue;
      }
      for (String selector : text.substring(selectorStart, open).split(",")) {
        String last = lastCompound(selector.strip());
        // A state (":hover", ":not(...)") is not how the old price is always shown.
        if (last.isEmpty() || last.contains(":") || last.contains("[")) {
          continue;
        }
        Matcher c = CLASS.matcher(last);
        while (c.find()) {
          found.add(c.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    return found.isEmpty() ? NONE : new StruckClasses(Set.copyOf(found));
  }

  private static String lastCompound(String selector) {
    int cut = -1;
    for (int i = 0; i < selector.length(); i++) {
      char ch = selector.charAt(i);
      if (ch == ' ' || ch == '>' || ch == '+' || ch == '~' || ch == '\n' || ch == '\t') {
        cut = i;
      }
    }
    return selector.substring(cut + 1);
  }

  /** Whether the page strikes {@code e} through by one of its classes. */
  public boolean strikes(Element e) {
    if (classes.isEmpty() || e.attributesSize() == 0) {
      return false;
    }
    String cls = e.className();
    if (cls.isEmpty()) {
      return false;
    }
    for (String c : cls.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (classes.contains(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether no class is struck. */
  public boolean isEmpty() {
    return classes.isEmpty();
  }
}
