package org.markwatch.crawler;

/**
 * Figures of one source in one run.
 *
 * @param sourceId source id
 * @param platform listing platform
 * @param fetchMode static or browser
 * @param pagesFetched pages answered 2xx
 * @param pagesFailed pages that ended in an error after retries (HTTP error, timeout, blocked, ...)
 * @param blockedByRobots distinct URLs never requested because robots.txt disallows them (or the
 *     host's robots.txt was unreachable, which defers the whole host)
 * @param redirects 3xx answers whose target was queued instead
 * @param retries retries after 429/5xx
 * @param listingsEmitted listings written to the sink
 * @param extractionErrors pages whose extraction threw
 * @param bytesFetched body bytes of fetched pages
 * @param skipped why the source was not crawled at all (e.g. Chromium missing), else null
 * @param elapsedMs wall time of the source, milliseconds
 */
public record SourceReport(
    String sourceId,
    String platform,
    String fetchMode,
    int pagesFetched,
    int pagesFailed,
    int blockedByRobots,
    int redirects,
    int retries,
    int listingsEmitted,
    int extractionErrors,
    long bytesFetched,
    String skipped,
    long elapsedMs) {}
