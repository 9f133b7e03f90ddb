package org.markwatch.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.markwatch.crawler.bench.SiteBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch bench crawl}: crawl speed on a loopback site, under the contract of
 * ../shared/bench/peers/README.md (run by its markwatch_bench.sh beside Scrapy and Crawlee).
 */
@Command(
    name = "crawl",
    mixinStandardHelpOptions = true,
    description = {
      "Crawl one loopback site from its home page as fast as the rules allow (robots.txt obeyed,",
      "every same-origin link once, no politeness delay) and write one item per product page.",
      "Contract and peers: ../shared/bench/peers/README.md."
    })
final class BenchCrawlCommand implements Callable<Integer> {
  @Option(
      names = "--site",
      required = true,
      paramLabel = "URL",
      description = "Home page, http://127.0.0.1:PORT/.")
  String site;

  @Option(
      names = "--concurrency",
      defaultValue = "16",
      description = "Requests in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--browser",
      description =
          "Render every page in Chromium (/usr/bin/chromium), --concurrency tabs in flight;"
              + " product pages are read once their Product JSON-LD is attached.")
  boolean browser;

  @Option(
      names = "--items",
      required = true,
      paramLabel = "FILE",
      description = "Items, one JSON line per product.")
  Path items;

  @Option(
      names = "--summary",
      required = true,
      paramLabel = "FILE",
      description = "Summary JSON: {\"pages\", \"items\"}.")
  Path summary;

  @Override
  public Integer call() throws InterruptedException {
    try {
      SiteBench.Result r = new SiteBench(site, concurrency, browser).run(items, summary);
      Runtime rt = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "markwatch bench crawl: %d pages, %d items, %d failed in %.1f s = %.1f pages/s"
              + " (%s, concurrency %d, max heap %d MiB)%n",
          r.pages(),
          r.items(),
          r.failed(),
          r.wallMs() / 1000.0,
          r.pagesPerSecond(),
          browser ? "Chromium" : "static HTTP",
          concurrency,
          rt.maxMemory() >> 20);
      return r.failed() == 0 ? 0 : 1;
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      System.err.println("markwatch bench crawl: " + e.getMessage());
      return 2;
    }
  }
}
