package org.markwatch.crawler.frontier;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Canonical form of a URL for de-duplication: lower-case scheme and host, default port dropped,
 * dot segments resolved, empty path as {@code /}, fragment removed. The query is kept as is
 * (parameter order can matter to a site). Pure.
 */
public final class UrlNormalizer {
  private UrlNormalizer() {}

  /** The normalised URL, or null when {@code url} is not an absolute http(s) URL. */
  public static String normalize(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
        return null;
      }
      int port = u.getPort();
      if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
        port = -1;
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      path = new URI(path.replaceFirst("^/+", "/")).normalize().getRawPath();
      // normalize() keeps leading ".." segments; a path cannot climb above the root.
      while (path.startsWith("/../")) {
        path = path.substring(3);
      }
      if (path.equals("/..") || path.isEmpty()) {
        path = "/";
      }
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port)
          + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Path plus query of an absolute URL, as matched by source follow/product patterns. */
  public static String pathAndQuery(String url) {
    URI u = URI.create(url);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
  }
}
