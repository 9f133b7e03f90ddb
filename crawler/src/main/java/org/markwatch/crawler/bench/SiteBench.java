package org.markwatch.crawler.bench;

import crawlercommons.robots.BaseRobotRules;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.CrawlSettings;
import org.markwatch.crawler.fetch.FetchLimits;
import org.markwatch.crawler.fetch.FetchOutcome;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.StaticFetcher;
import org.markwatch.crawler.frontier.UrlNormalizer;
import org.markwatch.crawler.links.LinkExtractor;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.robots.RobotsPolicy;
import org.markwatch.crawler.source.Source;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crawl of {@code markwatch bench crawl} (contract: ../shared/bench/peers/README.md): from the
 * home page of one loopback site, {@code concurrency} requests in flight, robots.txt obeyed, every
 * same-origin link followed once (fragments dropped), no politeness delay, no state kept; one item
 * ({@code url, name, price, currency} from the page's schema.org Product JSON-LD) per product page.
 *
 * <p>Uses the crawler's own parts (the OkHttp {@link StaticFetcher} with the address guard, the
 * crawler-commons robots rules, {@link UrlNormalizer}, {@link LinkExtractor}); each page is parsed
 * once by jsoup for both its links and its JSON-LD. Loopback only: it exists to measure speed.
 */
public final class SiteBench {
  /**
   * What a run did: HTML pages handled (robots.txt not counted), items, failed pages, wall time.
   */
  public record Result(int pages, int items, int failed, long wallMs) {
    public double pagesPerSecond() {
      return wallMs == 0 ? 0 : pages * 1000.0 / wallMs;
    }
  }

  /** One product found. */
  public record Item(String url, String name, long price, String currency) {}

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String site;
  private final int concurrency;
  private final String origin;
  private final boolean browser;

  /**
   * @param site the home page, {@code http://127.0.0.1:PORT/} (loopback only)
   * @param concurrency requests in flight (one worker thread each)
   */
  public SiteBench(String site, int concurrency) {
    this(site, concurrency, false);
  }

  /**
   * @param browser render every page in Chromium ({@link BrowserBench}): {@code concurrency} pages
   *     in flight
   */
  public SiteBench(String site, int concurrency, boolean browser) {
    URI u = URI.create(site);
    if (!"http".equals(u.getScheme())
        || !("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()))) {
      throw new IllegalArgumentException(
          "bench crawl runs against a loopback site only (http://127.0.0.1:PORT/), got " + site);
    }
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException(
          "concurrency must be between 1 and 256, got " + concurrency);
    }
    this.site = UrlNormalizer.normalize(site);
    this.concurrency = concurrency;
    this.origin = u.getScheme() + "://" + Source.hostKey(u);
    this.browser = browser;
  }

  /**
   * Crawls the site, handing each item to {@code items} (called from worker threads, one at a
   * time).
   */
  public Result run(Consumer<Item> items) throws InterruptedException {
    long start = System.nanoTime();
    AddressGuard guard = new AddressGuard(true);
    try (StaticFetcher fetcher =
        new StaticFetcher(
            guard, FetchLimits.DEFAULT, CrawlSettings.DEFAULT_USER_AGENT, concurrency)) {
      String robotsUrl = origin + "/robots.txt";
      BaseRobotRules robots =
          new RobotsPolicy(RobotsPolicy.agentName(CrawlSettings.DEFAULT_USER_AGENT))
              .rules(robotsUrl, fetcher.fetch(new FetchRequest(robotsUrl, Set.of(), 5, null)));
      BenchFrontier frontier = new BenchFrontier(origin, robots);
      frontier.offer(site);
      AtomicInteger pages = new AtomicInteger();
      AtomicInteger found = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      if (browser) {
        new BrowserBench(origin, concurrency)
            .crawl(
                frontier,
                (url, html) -> {
                  pages.incrementAndGet();
                  Document doc = Jsoup.parse(html, url);
                  Item item = product(url, doc);
                  if (item != null) {
                    found.incrementAndGet();
                    synchronized (items) {
                      items.accept(item);
                    }
                  }
                  for (String link : LinkExtractor.links(doc)) {
                    frontier.offer(link);
                  }
                },
                failed);
        return new Result(
            pages.get(), found.get(), failed.get(), (System.nanoTime() - start) / 1_000_000);
      }
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        workers.add(
            Thread.ofPlatform()
                .name("markwatch-bench-" + i)
                .start(
                    () -> {
                      String url;
                      while ((url = frontier.take()) != null) {
                        try {
                          FetchResult r = fetcher.fetch(new FetchRequest(url, Set.of(), 0, null));
                          if (r.outcome() == FetchOutcome.REDIRECT) {
                            frontier.offer(r.redirectTo());
                          } else if (r.outcome() != FetchOutcome.OK) {
                            failed.incrementAndGet();
                          } else if (isHtml(r)) {
                            Document doc =
                                Jsoup.parse(new ByteArrayInputStream(r.body()), null, r.finalUrl());
                            pages.incrementAndGet();
                            Item item = product(r.finalUrl(), doc);
                            if (item != null) {
                              found.incrementAndGet();
                              synchronized (items) {
                                items.accept(item);
                              }
                            }
                            for (String link : LinkExtractor.links(doc)) {
                              frontier.offer(link);
                            }
                          }
                        } catch (IOException | RuntimeException e) {
                          failed.incrementAndGet();
                        } finally {
                          frontier.done();
                        }
                      }
                    }));
      }
      for (Thread t : workers) {
        t.join();
      }
      return new Result(
          pages.get(), found.get(), failed.get(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Crawls and writes the contract's files: items (JSON lines) and summary ({@code
   * {"pages","items"}}).
   */
  public Result run(Path itemsFile, Path summaryFile) throws InterruptedException, IOException {
    Result result;
    try (BufferedWriter out = Files.newBufferedWriter(itemsFile, StandardCharsets.UTF_8)) {
      result =
          run(
              item -> {
                try {
                  out.write(JSON.writeValueAsString(item));
                  out.write('\n');
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    Files.writeString(
        summaryFile,
        JSON.writeValueAsString(
                Map.of(
                    "pages",
                    result.pages(),
                    "items",
                    result.items(),
                    "failed",
                    result.failed(),
                    "seconds",
                    result.wallMs() / 1000.0))
            + "\n",
        StandardCharsets.UTF_8);
    return result;
  }

  private static boolean isHtml(FetchResult r) {
    String type = r.header("content-type");
    return r.body() != null && (type == null || type.contains("html"));
  }

  /** The page's schema.org Product (name, offers.price as a whole number, currency), or null. */
  static Item product(String url, Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(script.data());
      } catch (RuntimeException e) {
        continue; // a broken block; another may hold the product
      }
      JsonNode product = findProduct(root);
      if (product == null) {
        continue;
      }
      JsonNode offers = product.path("offers");
      JsonNode offer = offers.isArray() ? offers.path(0) : offers;
      JsonNode price = offer.path("price");
      String name = product.path("name").asString(null);
      if (name == null || price.isMissingNode() || price.isNull()) {
        continue;
      }
      long amount;
      try {
        amount = new java.math.BigDecimal(price.asString().trim()).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        continue;
      }
      return new Item(url, name, amount, offer.path("priceCurrency").asString(null));
    }
    return null;
  }

  private static JsonNode findProduct(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode n : node) {
        JsonNode p = findProduct(n);
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    JsonNode type = node.path("@type");
    if ("Product".equals(type.asString(null))
        || type.isArray() && type.toString().contains("\"Product\"")) {
      return node;
    }
    return node.has("@graph") ? findProduct(node.get("@graph")) : null;
  }
}
