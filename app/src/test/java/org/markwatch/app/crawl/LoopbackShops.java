package org.markwatch.app.crawl;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small shops on 127.0.0.1, one HTTP server (one host:port) each: a home page linking to category
 * pages, each linking to product pages with a schema.org Product. Every page takes {@code pageMs}
 * to answer, so a crawl lasts long enough to be interrupted, and every request is counted per URL
 * (robots.txt, answered 404 = allow all, is not).
 */
final class LoopbackShops implements AutoCloseable {
  private final List<HttpServer> servers = new ArrayList<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private final Set<String> gone = ConcurrentHashMap.newKeySet();
  private final Set<String> pages = new TreeSet<>();

  LoopbackShops(int shops, int categories, int productsPerCategory, long pageMs)
      throws IOException {
    for (int s = 0; s < shops; s++) {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      pages.add(base + "/");
      for (int c = 1; c <= categories; c++) {
        pages.add(base + "/c/" + c);
        for (int p = 1; p <= productsPerCategory; p++) {
          pages.add(base + "/p/" + c + "-" + p);
        }
      }
      int shop = s;
      server.createContext(
          "/",
          ex -> {
            String path = ex.getRequestURI().getPath();
            String body = null;
            if (!path.equals("/robots.txt")) {
              fetches.computeIfAbsent(base + path, k -> new AtomicInteger()).incrementAndGet();
              try {
                Thread.sleep(pageMs);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (!gone.contains(base + path)) {
                body = page(shop, path, categories, productsPerCategory);
              }
            }
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders()
                .add("Content-Type", body == null ? "text/plain" : "text/html; charset=utf-8");
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
          });
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      server.start();
      servers.add(server);
    }
  }

  private static String page(int shop, String path, int categories, int perCategory) {
    StringBuilder b = new StringBuilder("<html lang='vi'><head>");
    if (path.equals("/")) {
      b.append("</head><body>");
      for (int c = 1; c <= categories; c++) {
        b.append("<a href='/c/").append(c).append("?utm_source=home'>c").append(c).append("</a> ");
      }
    } else if (path.matches("/c/\\d+")) {
      int c = Integer.parseInt(path.substring(3));
      b.append("</head><body>");
      for (int p = 1; p <= perCategory; p++) {
        b.append("<a href='/p/").append(c).append('-').append(p).append("'>p</a> ");
      }
      b.append("<a href='/'>home</a>");
    } else if (path.matches("/p/\\d+-\\d+")) {
      String sku = "S" + shop + "-" + path.substring(3);
      b.append("<script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\"Áo thun ")
          .append(sku)
          .append("\",\"sku\":\"")
          .append(sku)
          .append("\",\"offers\":{\"price\":\"199000\",\"priceCurrency\":\"VND\"}}</script>")
          .append("</head><body><h1>Áo thun</h1><a href='/c/1'>back</a>");
    } else {
      return null;
    }
    return b.append("</body></html>").toString();
  }

  /** Every page URL of the shops. */
  Set<String> pages() {
    return pages;
  }

  /** Seeds: each shop's home page. */
  List<String> homes() {
    return servers.stream().map(s -> "http://127.0.0.1:" + s.getAddress().getPort() + "/").toList();
  }

  /** Requests per page URL so far. */
  Map<String, Integer> fetches() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    fetches.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  int total() {
    return fetches.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** From now on the page answers 404 (a listing taken down). */
  void remove(String url) {
    gone.add(url);
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
