package org.markwatch.app.benchqueue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concurrent signed-in HTTP clients against the portal on loopback: each client has its own session
 * (its own cookie jar and login), sends its requests one after the other, and every response time
 * is kept for the percentiles. A response other than 200 counts as an error.
 */
public final class HttpLoad {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** Response times of one scenario, in milliseconds, sorted. */
  public record Result(String name, double[] millis, int errors) {
    public double percentile(double p) {
      if (millis.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * millis.length);
      return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    public String line() {
      return String.format(
          java.util.Locale.ROOT,
          "%-9s %5d requests  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms"
              + "  max %7.1f ms  errors %d",
          name,
          millis.length,
          percentile(50),
          percentile(95),
          percentile(99),
          millis.length == 0 ? Double.NaN : millis[millis.length - 1],
          errors);
    }
  }

  private final String base;
  private final List<HttpClient> clients = new ArrayList<>();

  /** Signs in {@code n} clients as {@code user}. */
  public HttpLoad(String base, int n, String user, String password)
      throws IOException, InterruptedException {
    this.base = base;
    for (int i = 0; i < n; i++) {
      HttpClient c =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      String page = c.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = CSRF.matcher(page);
      if (!m.find()) {
        throw new IOException("the login page has no CSRF token");
      }
      String form =
          "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
      HttpResponse<Void> r =
          c.send(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (r.headers().firstValue("Location").filter(l -> l.endsWith("/queue")).isEmpty()) {
        throw new IOException("client " + i + " could not sign in as " + user);
      }
      clients.add(c);
    }
  }

  /**
   * Every client sends {@code warmup} uncounted requests, then {@code perClient} timed ones, one
   * after the other, to the paths {@code path} gives for the request number (client * (warmup +
   * perClient) + k) and the body of the client's last response (null before the first), so a client
   * can follow the links of the page it just read.
   */
  public Result run(
      String name, int warmup, int perClient, BiFunction<Integer, String, String> path)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      int each = warmup + perClient;
      for (int ci = 0; ci < clients.size(); ci++) {
        final int client = ci;
        futures.add(
            pool.submit(
                () -> {
                  HttpClient c = clients.get(client);
                  String last = null;
                  long[] out = new long[perClient + 1];
                  int errors = 0;
                  for (int k = 0; k < each; k++) {
                    long t0 = System.nanoTime();
                    boolean failed = false;
                    try {
                      HttpResponse<String> r =
                          c.send(
                              get(path.apply(client * each + k, last)),
                              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                      failed = r.statusCode() != 200;
                      last = failed ? null : r.body();
                    } catch (IOException e) {
                      failed = true; // a timeout counts with the time it took
                      last = null;
                    }
                    if (k >= warmup) {
                      out[k - warmup] = System.nanoTime() - t0;
                      errors += failed ? 1 : 0;
                    }
                  }
                  out[perClient] = errors;
                  return out;
                }));
      }
      List<Double> all = new ArrayList<>();
      int errors = 0;
      for (Future<long[]> f : futures) {
        long[] t = f.get();
        for (int k = 0; k < t.length - 1; k++) {
          all.add(t[k] / 1e6);
        }
        errors += (int) t[t.length - 1];
      }
      double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      return new Result(name, sorted, errors);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The path of the page's link {@code <a rel="REL" href="...">}, unescaped, if it has one. A scan
   * of the tags, not a regular expression: over a 50 KB queue page the expression's backtracking
   * (each {@code <a} tried at every position up to its {@code >}) was a third of the bench clients'
   * CPU, which the portal shares on this machine.
   */
  public static java.util.Optional<String> link(String html, String rel) {
    String want = "rel=\"" + rel + "\"";
    for (int at = html.indexOf("<a "); at >= 0; at = html.indexOf("<a ", at + 3)) {
      int end = html.indexOf('>', at);
      if (end < 0) {
        break;
      }
      String tag = html.substring(at, end);
      int href = tag.indexOf(" href=\"");
      if (tag.contains(" " + want) && href >= 0) {
        int from = href + 7;
        int to = tag.indexOf('"', from);
        if (to > from) {
          return java.util.Optional.of(
              tag.substring(from, to)
                  .replace("&amp;", "&")
                  .replace("&#39;", "'")
                  .replace("&quot;", "\""));
        }
      }
    }
    return java.util.Optional.empty();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/html")
        .timeout(Duration.ofSeconds(60))
        .GET()
        .build();
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
