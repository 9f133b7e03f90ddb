package org.markwatch.demo;

/**
 * Size of one platform of the demo world, for tests and the demo summary.
 *
 * @param listings product pages or posts
 * @param sellers shops (marketplaces) or post authors (feed)
 * @param categoryPages paginated category pages, all categories together (0 on the feed)
 * @param feedBatches {@code /api/feed} responses needed to read every post (0 on marketplaces)
 * @param crawlablePages distinct HTML pages a polite crawler can reach: home, category pages,
 *     listing pages and seller pages; on the feed: home, the feed shell, post pages, author pages
 */
public record DemoCounts(
    DemoPlatform platform,
    int listings,
    int sellers,
    int categoryPages,
    int feedBatches,
    int crawlablePages) {}
