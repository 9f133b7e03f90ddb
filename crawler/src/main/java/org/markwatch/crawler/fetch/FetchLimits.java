package org.markwatch.crawler.fetch;

import java.time.Duration;

/**
 * Bounds of one static fetch; scraped sites are hostile, so every fetch is bounded in time and
 * bytes.
 *
 * @param connectTimeout TCP/TLS connect limit; default <b>10 s</b>
 * @param readTimeout limit between two reads; default <b>20 s</b>
 * @param callTimeout limit of the whole call including redirects and body; default <b>60 s</b>
 * @param maxBytes body bytes kept (after gzip decoding); longer bodies are cut and flagged
 *     truncated; default <b>5 MB</b> (5,242,880 bytes)
 */
public record FetchLimits(
    Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBytes) {
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
  public static final FetchLimits DEFAULT =
      new FetchLimits(
          Duration.ofSeconds(10),
          Duration.ofSeconds(20),
          Duration.ofSeconds(60),
          DEFAULT_MAX_BYTES);

  public FetchLimits {
    if (maxBytes <= 0
        || connectTimeout.isNegative()
        || readTimeout.isNegative()
        || callTimeout.isNegative()) {
      throw new IllegalArgumentException("fetch limits must be positive");
    }
  }
}
