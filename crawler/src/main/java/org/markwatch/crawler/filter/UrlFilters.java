package org.markwatch.crawler.filter;

import java.util.List;
import org.markwatch.crawler.source.Source;

/** A chain of filters applied in order; the first null drops the URL. */
public final class UrlFilters implements UrlFilter {
  /**
   * Default URL length limit, characters (StormCrawler's BasicURLFilter uses 1024; sites with long
   * queries need more).
   */
  public static final int DEFAULT_MAX_LENGTH = 2048;

  private final List<UrlFilter> chain;

  public UrlFilters(List<UrlFilter> chain) {
    this.chain = List.copyOf(chain);
  }

  /**
   * The filters a source's discovered links pass: scheme, length, host allow-list, follow patterns.
   */
  public static UrlFilters forLinks(Source source) {
    return new UrlFilters(
        List.of(
            new SchemeFilter(),
            new LengthFilter(DEFAULT_MAX_LENGTH),
            new HostAllowListFilter(source.hosts()),
            new PathPatternFilter(source)));
  }

  /** The filters seeds and sitemap URLs pass: as links, but without the follow patterns. */
  public static UrlFilters forSeeds(Source source) {
    return new UrlFilters(
        List.of(
            new SchemeFilter(),
            new LengthFilter(DEFAULT_MAX_LENGTH),
            new HostAllowListFilter(source.hosts())));
  }

  @Override
  public String filter(String url) {
    String u = url;
    for (UrlFilter f : chain) {
      u = f.filter(u);
      if (u == null) {
        return null;
      }
    }
    return u;
  }
}
