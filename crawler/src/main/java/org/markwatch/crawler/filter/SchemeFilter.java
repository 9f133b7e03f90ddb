package org.markwatch.crawler.filter;

import java.util.Locale;

/** Keeps http and https URLs only (no file:, ftp:, javascript:, data:, mailto:). */
public final class SchemeFilter implements UrlFilter {
  @Override
  public String filter(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
  }
}
