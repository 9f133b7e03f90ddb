package org.markwatch.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markwatch.app.benchqueue.BenchListings;
import org.markwatch.app.benchqueue.HttpLoad;
import org.markwatch.model.progress.Progress;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.ScoredListing;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.users.ApiClientStore;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code markwatch bench api}: the agencies' API under load. Loads N generated listings and
 * confirmed violators into a fresh embedded database, starts the portal in this process, and has C
 * clients with one token each read listing pages (keyset cursors spread over the whole feed) and
 * violator pages; appends p50/p95/p99 per scenario to the file (last line {@code
 * api_listings_p95_ms=… api_violators_p95_ms=…}).
 */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = "Measure the agencies' API (/api/v1) response times; appends figures to --out.")
final class BenchApiCommand implements Callable<Integer> {
  private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

  @Option(
      names = "--listings",
      defaultValue = "10000",
      description = "Listings (default: ${DEFAULT-VALUE}).")
  int listings;

  @Option(
      names = "--clients",
      defaultValue = "8",
      description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--requests",
      defaultValue = "50",
      description = "Requests per client and scenario (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--out",
      defaultValue = "bench-api.txt",
      description = "Figures file (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("markwatch-bench-api");
    DatabaseSettings settings = DatabaseSettings.h2File(dir.resolve("db"));
    List<String> tokens = new ArrayList<>();
    try (Database db = Database.open(settings)) {
      ListingStore store = new ListingStore(db.dataSource());
      try (Progress p = Progress.onConsole("load listings", listings, "listings")) {
        for (int from = 0; from < listings; from += 1000) {
          List<ScoredListing> batch = new ArrayList<>();
          for (int i = from; i < Math.min(listings, from + 1000); i++) {
            batch.add(BenchListings.listing(i));
          }
          store.saveAll(batch);
          p.advance(batch.size());
        }
      }
      CaseStore cases = new CaseStore(db.dataSource());
      int sellers = Math.max(1, listings / BenchListings.PER_SELLER);
      for (int s = 0; s < Math.min(sellers, 500); s++) {
        cases.confirmViolator(
            Jurisdiction.national("bench"),
            BenchListings.sellerId((long) s * BenchListings.PER_SELLER),
            "B-" + s,
            "Nghị định 98/2020/NĐ-CP",
            null,
            s % 2 == 0,
            null);
      }
      ApiClientStore api = new ApiClientStore(db.dataSource());
      for (int c = 0; c < clients; c++) {
        tokens.add(
            api.create(
                    "bench-" + c,
                    "bench",
                    null,
                    null,
                    Set.of("listings:read", "violators:read"),
                    null,
                    "bench")
                .token());
      }
    }
    ConfigurableApplicationContext portal =
        PortalServer.start(settings, dir.resolve("evidence"), "127.0.0.1", 0, null);
    try {
      String base = PortalServer.localUrl(portal, "127.0.0.1").replaceAll("/$", "");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      // the cursors of every listing page, so requests spread over the whole feed
      List<String> cursors = new ArrayList<>();
      cursors.add("");
      String cursor = "";
      while (true) {
        String body = send(http, base, "/api/v1/listings?limit=100" + cursor, tokens.get(0)).body();
        Matcher m = NEXT.matcher(body);
        if (!body.contains("\"more\":true") || !m.find()) {
          break;
        }
        cursor = "&since=" + m.group(1);
        cursors.add(cursor);
      }
      HttpLoad.Result pages =
          load(
              "listings",
              http,
              base,
              tokens,
              k -> "/api/v1/listings?limit=100" + cursors.get(k % cursors.size()));
      HttpLoad.Result violators =
          load("violators", http, base, tokens, k -> "/api/v1/violators?limit=100");
      List<String> lines = new ArrayList<>();
      lines.add(
          "# bench api "
              + Instant.now()
              + " listings="
              + listings
              + " clients="
              + clients
              + " requests="
              + requests
              + " cpus="
              + Runtime.getRuntime().availableProcessors()
              + " load="
              + String.format(
                  java.util.Locale.ROOT,
                  "%.1f",
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                      .getSystemLoadAverage()));
      lines.add(pages.line());
      lines.add(violators.line());
      lines.add(
          String.format(
              java.util.Locale.ROOT,
              "api_listings_p95_ms=%.1f api_violators_p95_ms=%.1f listings=%d",
              pages.percentile(95),
              violators.percentile(95),
              listings));
      lines.forEach(System.out::println);
      Files.write(
          out,
          (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } finally {
      portal.close();
    }
    return 0;
  }

  private HttpLoad.Result load(
      String name,
      HttpClient http,
      String base,
      List<String> tokens,
      java.util.function.IntFunction<String> path)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
    try {
      List<Future<double[]>> futures = new ArrayList<>();
      for (int c = 0; c < tokens.size(); c++) {
        final int client = c;
        futures.add(
            pool.submit(
                () -> {
                  double[] t = new double[requests + 1];
                  send(http, base, path.apply(client), tokens.get(client)); // warm-up
                  for (int k = 0; k < requests; k++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r =
                        send(http, base, path.apply(client * requests + k), tokens.get(client));
                    t[k] = (System.nanoTime() - t0) / 1e6;
                    if (r.statusCode() != 200) {
                      t[requests]++;
                    }
                  }
                  return t;
                }));
      }
      List<Double> all = new ArrayList<>();
      int errors = 0;
      for (Future<double[]> f : futures) {
        double[] t = f.get();
        for (int k = 0; k < requests; k++) {
          all.add(t[k]);
        }
        errors += (int) t[requests];
      }
      double[] sorted = all.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      return new HttpLoad.Result(name, sorted, errors);
    } finally {
      pool.shutdownNow();
    }
  }

  private static HttpResponse<String> send(HttpClient http, String base, String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
