package org.markwatch.crawler.source;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.markwatch.crawler.extract.SiteProfile;

/**
 * One crawlable site as configured in {@code conf/sources/*.yaml} (format: conf/sources/README.md).
 *
 * @param id unique id of the source across all files, e.g. {@code demo-chosi}
 * @param platform the {@code listing.platform} of what it yields, e.g. {@code chosi}
 * @param seeds absolute http(s) start URLs, variables already substituted
 * @param fetchMode static or browser
 * @param hosts host allow-list as {@code host[:port]} (lower case); seeds' hosts are always in it
 * @param follow links whose path+query fully matches one of these are followed; empty = follow
 *     every link on an allowed host
 * @param products pages whose path+query fully matches one of these are handed to extraction; empty
 *     = every fetched page
 * @param useSitemap whether robots.txt sitemaps and {@code /sitemap.xml} feed the frontier
 * @param maxPages most pages fetched for this source in one run (robots.txt and sitemaps not
 *     counted)
 * @param politeness per-host delay, crawl-delay cap, backoff
 * @param profileName extraction profile name ({@code conf/sources/profiles/<name>.yaml}) or null
 * @param profile the parsed profile, or null when {@code profileName} is null
 * @param browser rendering settings (used when {@code fetchMode} is browser)
 * @param file the file the source was read from, for messages
 * @param revisit when the durable frontier fetches a page again
 * @param schedule cron expression (Asia/Ho_Chi_Minh) of the scheduled crawls ({@code markwatch
 *     scheduler}); null when the source is crawled only on demand
 */
public record Source(
    String id,
    String platform,
    List<String> seeds,
    FetchMode fetchMode,
    Set<String> hosts,
    List<Pattern> follow,
    List<Pattern> products,
    boolean useSitemap,
    int maxPages,
    Politeness politeness,
    String profileName,
    SiteProfile profile,
    BrowserSettings browser,
    String file,
    Revisit revisit,
    String schedule) {

  public Source {
    revisit = revisit == null ? Revisit.DEFAULT : revisit;
    seeds = List.copyOf(seeds);
    hosts =
        java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(hosts)); // keeps file order
    follow = List.copyOf(follow);
    products = List.copyOf(products);
  }

  /** A source crawled only on demand, with the default re-visit intervals. */
  public Source(
      String id,
      String platform,
      List<String> seeds,
      FetchMode fetchMode,
      Set<String> hosts,
      List<Pattern> follow,
      List<Pattern> products,
      boolean useSitemap,
      int maxPages,
      Politeness politeness,
      String profileName,
      SiteProfile profile,
      BrowserSettings browser,
      String file) {
    this(
        id,
        platform,
        seeds,
        fetchMode,
        hosts,
        follow,
        products,
        useSitemap,
        maxPages,
        politeness,
        profileName,
        profile,
        browser,
        file,
        Revisit.DEFAULT,
        null);
  }

  /**
   * {@code host[:port]} of a URL as used in {@link #hosts()}: lower case, default ports dropped.
   */
  public static String hostKey(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
    int port = uri.getPort();
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    boolean defaultPort =
        port == -1
            || (port == 80 && scheme.equals("http"))
            || (port == 443 && scheme.equals("https"));
    return defaultPort ? host : host + ":" + port;
  }

  /** This source with another page budget (e.g. {@code markwatch crawl --max-pages}). */
  public Source withMaxPages(int pages) {
    if (pages < 1) {
      throw new IllegalArgumentException("maxPages must be >= 1: " + pages);
    }
    return new Source(
        id,
        platform,
        seeds,
        fetchMode,
        hosts,
        follow,
        products,
        useSitemap,
        pages,
        politeness,
        profileName,
        profile,
        browser,
        file,
        revisit,
        schedule);
  }

  /** Whether a page at this path+query is a product page to extract. */
  public boolean isProductPage(String pathAndQuery) {
    return products.isEmpty() || products.stream().anyMatch(p -> p.matcher(pathAndQuery).matches());
  }

  /** Whether a link at this path+query is followed. */
  public boolean isFollowed(String pathAndQuery) {
    return follow.isEmpty() || follow.stream().anyMatch(p -> p.matcher(pathAndQuery).matches());
  }
}
