package org.markwatch.crawler.fetch;

/** What became of one fetch. Only {@link #OK} carries a page to parse. */
public enum FetchOutcome {
  /** 2xx with a body (possibly truncated at the byte cap, see {@link FetchResult#truncated()}). */
  OK,
  /** 3xx not followed; {@link FetchResult#redirectTo()} holds the absolute target. */
  REDIRECT,
  /** Any other HTTP status (4xx, 5xx). */
  HTTP_ERROR,
  /** Connect, read, call or page time limit hit. */
  TIMEOUT,
  /** Refused by the address guard (private, loopback, ...) or by the browser's host allow-list. */
  BLOCKED,
  /** Connection refused, unknown host, reset. */
  UNREACHABLE,
  /** The fetcher cannot run here (e.g. Chromium not installed). */
  UNAVAILABLE,
  /** Anything else (bad URL, protocol error); see {@link FetchResult#error()}. */
  ERROR
}
