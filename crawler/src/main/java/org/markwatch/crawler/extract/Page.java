package org.markwatch.crawler.extract;

import java.util.List;
import java.util.Map;

/**
 * A fetched page handed to extraction: the raw bytes and headers as served, or (for browser
 * fetches) the rendered DOM as HTML. {@code platform} and {@code profile} come from the source the
 * page was crawled for; {@code profile} may be null.
 */
public record Page(
    String url,
    int status,
    Map<String, List<String>> headers,
    byte[] body,
    String renderedHtml,
    String platform,
    String observedAt,
    String crawlRunId,
    SiteProfile profile) {}
