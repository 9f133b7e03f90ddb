package org.markwatch.crawler.filter;

/** Drops URLs longer than a limit (crawler traps generate ever-longer URLs). */
public final class LengthFilter implements UrlFilter {
  private final int maxLength;

  /**
   * @param maxLength most characters a URL may have
   */
  public LengthFilter(int maxLength) {
    if (maxLength <= 0) {
      throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
    }
    this.maxLength = maxLength;
  }

  @Override
  public String filter(String url) {
    return url.length() <= maxLength ? url : null;
  }
}
