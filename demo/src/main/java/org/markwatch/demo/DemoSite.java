package org.markwatch.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a {@link DemoWorld}: one JDK HTTP server per platform, each on its own free port of
 * 127.0.0.1 (so each platform is its own host for politeness). Records every request so tests can
 * check that a crawler kept out of what robots.txt forbids.
 *
 * <pre>{@code
 * try (DemoSite site = DemoSite.start(DemoWorld.generate(42))) {
 *   String chosi = site.baseUrls().get("demo.chosi"); // http://127.0.0.1:PORT/
 * }
 * }</pre>
 */
public final class DemoSite implements AutoCloseable {
  /** Handler threads per platform server. */
  private static final int THREADS = 4;

  private final DemoWorld world;
  private final Map<DemoPlatform, HttpServer> servers = new EnumMap<>(DemoPlatform.class);
  private final List<ExecutorService> executors = new ArrayList<>();
  private final Map<String, String> baseUrls = new LinkedHashMap<>();
  private final List<DemoRequest> log = Collections.synchronizedList(new ArrayList<>());

  private DemoSite(DemoWorld world) {
    this.world = world;
  }

  /**
   * Binds the three platforms on free ports of the loopback address and starts serving.
   *
   * @throws IOException when a port cannot be bound
   */
  public static DemoSite start(DemoWorld world) throws IOException {
    return start(world, 0);
  }

  /**
   * Binds the platforms on {@code firstPort}, {@code firstPort + 1}, ... (in {@link DemoPlatform}
   * order) so that listing URLs stay the same from one run to the next; a port that is taken falls
   * back to a free one. {@code firstPort} 0 means free ports throughout.
   *
   * @throws IOException when a port cannot be bound
   */
  public static DemoSite start(DemoWorld world, int firstPort) throws IOException {
    DemoSite site = new DemoSite(world);
    try {
      for (DemoPlatform p : DemoPlatform.values()) {
        site.serve(p, firstPort == 0 ? 0 : firstPort + p.ordinal());
      }
    } catch (IOException | RuntimeException e) {
      site.close();
      throw e;
    }
    return site;
  }

  private void serve(DemoPlatform platform, int port) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (java.net.BindException taken) {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    SiteBase pages =
        switch (platform) {
          case CHOSI -> new ChosiPages(world, base);
          case MUABAN -> new MuabanPages(world, base);
          case MANGXA -> new MangxaPages(world, base);
        };
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t =
                  new Thread(
                      r,
                      "demo-"
                          + platform.name().toLowerCase(java.util.Locale.ROOT)
                          + "-"
                          + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executors.add(executor);
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(platform, pages, exchange));
    server.start();
    servers.put(platform, server);
    baseUrls.put(platform.baseUrlKey(), base);
  }

  private void answer(DemoPlatform platform, SiteBase pages, HttpExchange exchange)
      throws IOException {
    try (exchange) {
      java.time.Instant receivedAt = java.time.Instant.now();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      Response response;
      if (!method.equals("GET") && !method.equals("HEAD")) {
        response = Response.status(405, Response.TEXT, "method not allowed\n");
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      } else {
        try {
          response = pages.handle(path == null ? "/" : path, query);
        } catch (RuntimeException e) {
          response = Response.status(500, Response.TEXT, "demo site error: " + e + "\n");
        }
      }
      boolean disallowed =
          SiteBase.DISALLOWED.stream().anyMatch(d -> path != null && path.startsWith(d));
      log.add(
          new DemoRequest(
              platform,
              method,
              path + (query == null ? "" : "?" + query),
              response.status(),
              disallowed,
              exchange.getRequestHeaders().getFirst("User-Agent"),
              receivedAt));
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      boolean head = method.equals("HEAD");
      exchange.sendResponseHeaders(
          response.status(),
          head ? -1 : (response.body().length == 0 ? -1 : response.body().length));
      if (!head && response.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }

  /** The world being served. */
  public DemoWorld world() {
    return world;
  }

  /**
   * Base URL of each platform, keyed by platform id ({@code demo.chosi}, {@code demo.muaban},
   * {@code demo.mangxa}), each like {@code http://127.0.0.1:PORT/} with the trailing slash.
   */
  public Map<String, String> baseUrls() {
    return Collections.unmodifiableMap(baseUrls);
  }

  public String baseUrl(DemoPlatform platform) {
    return baseUrls.get(platform.baseUrlKey());
  }

  /** The absolute URL of a listing's page. */
  public String url(DemoListing listing) {
    return baseUrl(listing.platform()) + listing.path().substring(1);
  }

  /** Every request answered so far, in arrival order (a copy). */
  public List<DemoRequest> requestLog() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** Requests to paths robots.txt disallows; a polite crawler leaves this empty. */
  public List<DemoRequest> disallowedHits() {
    return requestLog().stream().filter(DemoRequest::disallowed).toList();
  }

  /** Forgets the requests logged so far. */
  public void clearRequestLog() {
    log.clear();
  }

  /** Stops the servers at once and their threads. */
  @Override
  public void close() {
    servers.values().forEach(s -> s.stop(0));
    executors.forEach(ExecutorService::shutdownNow);
  }

  /**
   * Serves the demo world until killed: {@code java ... org.markwatch.demo.DemoSite [seed
   * [labels.jsonl]]} (default seed 42). Prints the base URLs and counts; writes the ground truth to
   * the labels file when one is named.
   */
  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
    DemoWorld world = DemoWorld.generate(seed);
    if (args.length > 1) {
      java.nio.file.Files.write(
          java.nio.file.Path.of(args[1]), world.labelLines(), StandardCharsets.UTF_8);
    }
    DemoSite site = start(world);
    Runtime.getRuntime().addShutdownHook(new Thread(site::close));
    StringBuilder sb = new StringBuilder("markwatch demo world, seed " + seed + "\n");
    for (DemoCounts c : world.counts()) {
      sb.append(
          String.format(
              "  %-12s %s  %d listings, %d sellers, %d pages%n",
              c.platform().id(),
              site.baseUrl(c.platform()),
              c.listings(),
              c.sellers(),
              c.crawlablePages()));
    }
    sb.append("  feed (JavaScript): ").append(site.baseUrl(DemoPlatform.MANGXA)).append("feed\n");
    System.out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    System.out.flush();
    Thread.currentThread().join();
  }
}
