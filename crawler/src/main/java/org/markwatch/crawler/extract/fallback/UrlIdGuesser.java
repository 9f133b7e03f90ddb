package org.markwatch.crawler.extract.fallback;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a product's own id from its URL, as shops put it there: a query parameter named like an
 * id ({@code ?pid=260591}), else an id-looking token at the end of the path ({@code
 * /itm/302474151804}, {@code /dp/B081ZQK4BZ}, {@code ...-i1609583.html}, {@code
 * ...-p400105394.html}). A guess counts only when the page repeats the token, which rules out
 * dates, sizes and tracking numbers that the page never mentions.
 */
public final class UrlIdGuesser {
  private static final Set<String> ID_PARAMS =
      Set.of(
          "pid",
          "sku",
          "productid",
          "product_id",
          "itemid",
          "item_id",
          "childsku",
          "prodid",
          "articleid",
          "article",
          "skuid",
          "goods_id",
          "goodsid",
          "product",
          "item",
          "id");
  private static final Pattern DIGITS = Pattern.compile("\\d{4,20}");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{6,16}");
  private static final Pattern LOWER_PREFIXED =
      Pattern.compile("[a-z]+\\d*[a-z]+(\\d{6,20})|[a-z]{1,3}(\\d{5,20})");
  private static final Pattern EXTENSION =
      Pattern.compile("\\.(html?|aspx?|php|jsp|do)$", Pattern.CASE_INSENSITIVE);

  private UrlIdGuesser() {}

  /**
   * The id, or null. {@code html} is the page source; a token it does not contain at least {@code
   * 2} times is not taken.
   */
  public static String guess(String url, String html) {
    for (String candidate : candidates(url)) {
      if (count(html, candidate, 2) >= 2) {
        return candidate;
      }
    }
    return null;
  }

  static List<String> candidates(String url) {
    List<String> out = new ArrayList<>();
    URI uri;
    try {
      uri = URI.create(url.strip().replace(" ", "%20").replace("|", "%7C"));
    } catch (IllegalArgumentException e) {
      return out;
    }
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (ID_PARAMS.contains(key)
            && value.matches("[A-Za-z0-9_./-]{3,40}")
            && value.matches(".*\\d.*")) {
          out.add(value);
        }
      }
    }
    String path = uri.getPath();
    if (path == null) {
      return out;
    }
    String[] segments = path.split("/");
    int tried = 0;
    for (int i = segments.length - 1; i >= 0 && tried < 2; i--) {
      String seg =
          EXTENSION
              .matcher(URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8))
              .replaceAll("");
      if (seg.isEmpty()) {
        continue;
      }
      tried++;
      String[] tokens = seg.split("[-_.,~;]");
      for (int t = tokens.length - 1; t >= 0; t--) {
        String token = tokens[t];
        if (DIGITS.matcher(token).matches()) {
          out.add(token);
          break;
        }
        if (CODE.matcher(token).matches()
            && token.chars().anyMatch(Character::isDigit)
            && token.chars().anyMatch(Character::isLetter)) {
          out.add(token);
          break;
        }
        Matcher m = LOWER_PREFIXED.matcher(token);
        if (m.matches()) {
          out.add(m.group(1) != null ? m.group(1) : m.group(2));
          break;
        }
      }
    }
    return out;
  }

  private static int count(String text, String token, int enough) {
    int n = 0;
    int from = 0;
    while (n < enough) {
      int at = text.indexOf(token, from);
      if (at < 0) {
        break;
      }
      n++;
      from = at + token.length();
    }
    return n;
  }
}
