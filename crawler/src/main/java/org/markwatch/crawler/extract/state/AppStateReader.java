package org.markwatch.crawler.extract.state;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.html.Css;
import org.markwatch.crawler.extract.schemaorg.LenientJson;
import tools.jackson.databind.JsonNode;

/**
 * The JSON state a page's application embeds: {@code <script id="__NEXT_DATA__">} and other {@code
 * application/json} scripts, assignments such as {@code window.__INITIAL_STATE__ = {...}},
 * analytics calls carrying the product ({@code dataLayer.push({...})}, {@code fbq('track',
 * 'ViewContent', {...})}, {@code gtag('event', 'view_item', {...})}) and JSON in hidden inputs or
 * data attributes. Bounded: at most {@value #MAX_BLOCKS} blocks of at most {@value
 * #MAX_BLOCK_CHARS} characters each.
 */
public final class AppStateReader {
  public static final int MAX_BLOCKS = 60;
  public static final int MAX_BLOCK_CHARS = 2_000_000;
  private static final int MAX_SCRIPT_CHARS = 4_000_000;

  private AppStateReader() {}

  public static List<JsonNode> read(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    for (Element script : doc.getElementsByTag("script")) {
      if (out.size() >= MAX_BLOCKS) {
        break;
      }
      String type = script.attr("type").toLowerCase();
      if (type.contains("ld+json")) {
        continue;
      }
      String code = script.data();
      if (code.isBlank() || code.length() > MAX_SCRIPT_CHARS) {
        continue;
      }
      if (type.contains("json")) {
        JsonNode n = LenientJson.read(code);
        if (n != null) {
          out.add(n);
        }
        continue;
      }
      if (!type.isEmpty() && !type.contains("javascript") && !type.equals("module")) {
        continue;
      }
      blocks(code, out);
    }
    for (Element e :
        doc.select(
            Css.of(
                "input[type=hidden][value^={], [data-product^={], [data-json^={], [data-item^={]"))) {
      if (out.size() >= MAX_BLOCKS) {
        break;
      }
      for (var a : e.attributes()) {
        String v = a.getValue();
        if (v.startsWith("{") && v.length() < MAX_BLOCK_CHARS) {
          JsonNode n = LenientJson.read(v);
          if (n != null) {
            out.add(n);
          }
        }
      }
    }
    return out;
  }

  /**
   * JSON literals in a script: a bracket right after "=", "(" or "," (an assignment or a call
   * argument). A literal that is read or refused is skipped whole, so nested brackets are not
   * looked at again.
   */
  private static void blocks(String code, List<JsonNode> out) {
    int n = code.length();
    int i = 0;
    while (i < n && out.size() < MAX_BLOCKS) {
      char c = code.charAt(i);
      if ((c == '{' || c == '[') && startsLiteral(code, i)) {
        int end = balancedEnd(code, i);
        if (end < 0) {
          i++;
          continue;
        }
        if (end - i > 20 && mentionsProduct(code, i, end)) {
          JsonNode node = LenientJson.read(code.substring(i, end + 1));
          if (node != null) {
            out.add(node);
          }
        }
        i = end + 1;
        continue;
      }
      i++;
    }
  }

  private static boolean startsLiteral(String code, int at) {
    for (int j = at - 1; j >= 0 && at - j < 40; j--) {
      char p = code.charAt(j);
      if (!Character.isWhitespace(p)) {
        return (p == '=' && (j == 0 || "=!<>".indexOf(code.charAt(j - 1)) < 0))
            || p == '('
            || p == ',';
      }
    }
    return false;
  }

  private static boolean mentionsProduct(String code, int from, int to) {
    for (String key : List.of("price", "Price", "sku", "brand", "product", "Product")) {
      if (code.indexOf(key, from, to) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Index of the bracket closing the one at {@code open}, or -1 (unbalanced, too long, too deep).
   */
  static int balancedEnd(String s, int open) {
    int depth = 0;
    char quote = 0;
    int limit = Math.min(s.length(), open + MAX_BLOCK_CHARS);
    for (int i = open; i < limit; i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '"', '\'', '`' -> quote = c;
        case '{', '[' -> {
          if (++depth > LenientJson.MAX_DEPTH) {
            return -1;
          }
        }
        case '}', ']' -> {
          if (--depth == 0) {
            return i;
          }
        }
        default -> {}
      }
    }
    return -1;
  }
}
