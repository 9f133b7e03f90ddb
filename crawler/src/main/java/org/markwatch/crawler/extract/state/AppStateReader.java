package org.markwatch.crawler.extract.state;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.extract.schemaorg.LenientJson;
import tools.jackson.databind.JsonNode;

/**
 * The JSON state a page's application embeds: {@code <script id="__NEXT_DATA__">} and other
 * {@code application/json} scripts, assignments such as {@code window.__INITIAL_STATE__ = {...}},
 * analytics calls carrying the product ({@code dataLayer.push({...})},
 * {@code fbq('track', 'ViewContent', {...})}, {@code gtag('event', 'view_item', {...})}) and JSON in
 * hidden inputs or data attributes. Bounded: at most {@value #MAX_BLOCKS} blocks of at most
 * {@value #MAX_BLOCK_CHARS} characters each.
 */
public final class AppStateReader {
  public static final int MAX_BLOCKS = 60;
  public static final int MAX_BLOCK_CHARS = 2_000_000;
  private static final int MAX_SCRIPT_CHARS = 4_000_000;
  private static final Pattern START = Pattern.compile(
      "(?:[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*|\\[['\"][^'\"]{1,60}['\"]\\])*\\s*=\\s*(?:JSON\\.parse\\()?"
          + "|\\b(?:push|track|event|gtag|fbq|set)\\s*\\((?:\\s*['\"][^'\"]{0,60}['\"]\\s*,)*\\s*)([{\\[])");

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
    for (Element e : doc.select("input[type=hidden][value^={], [data-product^={], [data-json^={], [data-item^={]")) {
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

  /** JSON literals in a script, where an assignment or a call starts one. */
  private static void blocks(String code, List<JsonNode> out) {
    Matcher m = START.matcher(code);
    int from = 0;
    while (out.size() < MAX_BLOCKS && m.find(from)) {
      int open = m.start(1);
      int end = balancedEnd(code, open);
      if (end < 0) {
        from = open + 1;
        continue;
      }
      String literal = code.substring(open, end + 1);
      if (literal.length() > 20 && (literal.contains("price") || literal.contains("Price") || literal.contains("sku")
          || literal.contains("brand") || literal.contains("product") || literal.contains("Product"))) {
        JsonNode n = LenientJson.read(literal);
        if (n != null) {
          out.add(n);
        }
      }
      from = end + 1;
    }
  }

  /** Index of the bracket closing the one at {@code open}, or -1 (unbalanced, too long, too deep). */
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
        default -> { }
      }
    }
    return -1;
  }
}
