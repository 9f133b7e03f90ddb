package org.markwatch.crawler.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 with named routes and a log of every request, for crawler tests.
 * Routes are matched on the exact path+query first, then on the path, then a route ending in {@code
 * /} (other than the root) as a prefix.
 */
public final class TestSite implements AutoCloseable {
  /** One request as the server saw it. */
  public record Hit(String pathAndQuery, long nanos, Map<String, List<String>> headers) {}

  /** Answers one request. */
  @FunctionalInterface
  public interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Hit> hits = new ArrayList<>();

  public TestSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::dispatch);
    server.start();
  }

  private void dispatch(HttpExchange ex) throws IOException {
    String pq =
        ex.getRequestURI().getRawPath()
            + (ex.getRequestURI().getRawQuery() == null
                ? ""
                : "?" + ex.getRequestURI().getRawQuery());
    synchronized (hits) {
      hits.add(new Hit(pq, System.nanoTime(), Map.copyOf(ex.getRequestHeaders())));
    }
    String path = ex.getRequestURI().getRawPath();
    Route r = routes.getOrDefault(pq, routes.get(path));
    if (r == null) {
      r =
          routes.entrySet().stream()
              .filter(
                  e ->
                      e.getKey().length() > 1
                          && e.getKey().endsWith("/")
                          && path.startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    try (ex) {
      if (r == null) {
        send(ex, 404, "text/plain", "not found");
      } else {
        r.handle(ex);
      }
    } catch (IOException e) {
      // client went away (timeouts are tested on purpose)
    }
  }

  public TestSite route(String path, Route route) {
    routes.put(path, route);
    return this;
  }

  public TestSite html(String path, String html) {
    return route(path, ex -> send(ex, 200, "text/html; charset=utf-8", html));
  }

  public TestSite text(String path, String contentType, String body) {
    return route(path, ex -> send(ex, 200, contentType, body));
  }

  public static void send(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** {@code http://127.0.0.1:<port>/} */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public String url(String path) {
    return base() + (path.startsWith("/") ? path.substring(1) : path);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Hit> hits() {
    synchronized (hits) {
      return List.copyOf(hits);
    }
  }

  public List<String> paths() {
    return hits().stream().map(Hit::pathAndQuery).toList();
  }

  public long count(String pathAndQuery) {
    return paths().stream().filter(pathAndQuery::equals).count();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
