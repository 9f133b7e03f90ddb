package org.markwatch.crawler.frontier;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical form of a URL for de-duplication, by crawler-commons' {@link BasicURLNormalizer}
 * (lower-case scheme and host, default port dropped, dot segments resolved, percent-encoding made
 * canonical, fragment removed, query parameters sorted), then without tracking parameters ({@code
 * utm_*}, {@code fbclid}, {@code gclid} and the like), which name the campaign that led to a page,
 * not the page. Only absolute http(s) URLs pass. Pure and thread-safe.
 */
public final class UrlNormalizer {
  /** Exact names of tracking parameters; {@code utm_*} is matched by prefix. */
  static final Set<String> TRACKING =
      Set.of(
          "fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid", "_ga", "_gl",
          "mc_cid", "mc_eid", "igshid", "ttclid");

  private static final BasicURLNormalizer NORMALIZER =
      BasicURLNormalizer.newBuilder().queryParamsToRemove(TRACKING).build();

  private UrlNormalizer() {}

  /** The normalised URL, or null when {@code url} is not an absolute http(s) URL with a host. */
  public static String normalize(String url) {
    if (url == null) {
      return null;
    }
    String trimmed = url.strip();
    String lower =
        trimmed.length() < 8
            ? trimmed.toLowerCase(Locale.ROOT)
            : trimmed.substring(0, 8).toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return null;
    }
    String n = NORMALIZER.filter(trimmed);
    if (n == null) {
      return null;
    }
    try {
      if (URI.create(n).getHost() == null) {
        return null;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return withoutUtm(n);
  }

  // utm_source, utm_medium, ... : a family, so a prefix (the library removes exact names only)
  private static String withoutUtm(String url) {
    int q = url.indexOf('?');
    if (q < 0
        || !url.regionMatches(true, q, "?utm_", 0, 5)
            && !url.toLowerCase(Locale.ROOT).contains("&utm_")) {
      return url;
    }
    List<String> kept = new ArrayList<>();
    for (String param : url.substring(q + 1).split("&")) {
      if (!param.regionMatches(true, 0, "utm_", 0, 4)) {
        kept.add(param);
      }
    }
    return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  /** Path plus query of an absolute URL, as matched by source follow/product patterns. */
  public static String pathAndQuery(String url) {
    URI u = URI.create(url);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
  }
}
