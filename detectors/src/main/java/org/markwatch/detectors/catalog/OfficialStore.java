package org.markwatch.detectors.catalog;

import java.util.Locale;

/**
 * A genuine official store or authorised distributor of a brand on a platform ({@code *} for any
 * platform), known by its shop name, its seller id or its shop's host name ({@code host}: a web
 * shop's own site, or the host of the seller's shop URL). A listing from one is not a counterfeit
 * signal for that brand.
 */
public record OfficialStore(String platform, String name, String sellerId, String host) {
  public OfficialStore {
    host = host == null || host.isBlank() ? null : normaliseHost(host);
  }

  public OfficialStore(String platform, String name, String sellerId) {
    this(platform, name, sellerId, null);
  }

  /** True when this store is on {@code platform} (or any). */
  public boolean on(String listingPlatform) {
    return platform == null || platform.equals("*") || platform.equalsIgnoreCase(listingPlatform);
  }

  /**
   * The host of a URL in the form stores are registered with: lower case, without {@code www.} and
   * port; null when it has none.
   */
  public static String hostOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    // read by hand: the detectors do no I/O and so use no java.net (ArchitectureTest)
    String u = url.strip();
    int scheme = u.indexOf("://");
    if (scheme < 0) {
      return null; // not an absolute URL: no host to compare
    }
    String rest = u.substring(scheme + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String authority = rest.substring(0, end);
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    return host.isBlank() ? null : normaliseHost(host);
  }

  private static String normaliseHost(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    int colon = h.indexOf(':');
    if (colon >= 0) {
      h = h.substring(0, colon);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.startsWith("www.") ? h.substring(4) : h;
  }
}
