package org.markwatch.crawler.filter;

import org.markwatch.crawler.frontier.UrlNormalizer;
import org.markwatch.crawler.source.Source;

/** Keeps links whose path+query matches one of the source's follow or product patterns. */
public final class PathPatternFilter implements UrlFilter {
  private final Source source;

  public PathPatternFilter(Source source) {
    this.source = source;
  }

  @Override
  public String filter(String url) {
    String pq;
    try {
      pq = UrlNormalizer.pathAndQuery(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
    boolean product = !source.products().isEmpty() && source.isProductPage(pq);
    return source.isFollowed(pq) || product ? url : null;
  }
}
