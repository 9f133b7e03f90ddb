package org.markwatch.crawler.extract;

/**
 * Per-site extraction rules loaded from a source in {@code conf/sources/*.yaml} (CSS selectors for
 * title, price, seller, feed posts, ...). Being built by the extraction work (issue 5).
 */
public record SiteProfile(String name) {}
