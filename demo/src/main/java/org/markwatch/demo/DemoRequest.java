package org.markwatch.demo;

/**
 * One request a demo server answered.
 *
 * @param target the raw path and query, e.g. {@code /c/giay-dep?page=2}
 * @param disallowed true when robots.txt forbids the path ({@code /cart}, {@code /admin}, {@code
 *     /search})
 * @param userAgent the User-Agent header, null when absent
 * @param receivedAt when the server began answering (for checking per-host delays)
 */
public record DemoRequest(
    DemoPlatform platform,
    String method,
    String target,
    int status,
    boolean disallowed,
    String userAgent,
    java.time.Instant receivedAt) {}
