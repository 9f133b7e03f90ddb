package org.markwatch.crawler.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.markwatch.crawler.fetch.FetchOutcome;
import org.markwatch.crawler.fetch.FetchRequest;
import org.markwatch.crawler.fetch.FetchResult;
import org.markwatch.crawler.fetch.Fetcher;
import org.markwatch.crawler.net.AddressGuard;
import org.markwatch.crawler.net.BlockedAddressException;
import org.markwatch.crawler.net.GuardedProxy;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders pages in headless Chromium through Playwright. Playwright is not thread-safe, so one
 * owning thread creates the browser and does every call; {@link #fetch} hands work to it and waits.
 * Each page gets a fresh browser context (no cookies or storage carried between pages). Requests to
 * hosts other than the source's own are aborted, infinite scroll is followed until a round adds no
 * content, and a full-page screenshot is taken. Chromium starts on first use.
 */
public final class BrowserFetcher implements Fetcher {
  private static final Logger LOG = LoggerFactory.getLogger(BrowserFetcher.class);
  private static final long HANDOFF_MARGIN_MS = 30_000;

  private final Path executable;
  private final String userAgent;
  private final AddressGuard guard;
  private final long maxBytes;
  private final long handoffMarginMs;
  private final ExecutorService owner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "markwatch-browser");
            t.setDaemon(true);
            return t;
          });
  // Touched only on the owner thread.
  private Playwright playwright;
  private Browser browser;
  private String launchError;
  private GuardedProxy proxy;

  /**
   * @param executable Chromium binary, normally {@link Chromium#DEFAULT_PATH}
   * @param maxBytes rendered HTML longer than this (UTF-8 bytes) is cut and flagged truncated
   */
  public BrowserFetcher(Path executable, String userAgent, AddressGuard guard, long maxBytes) {
    this(executable, userAgent, guard, maxBytes, HANDOFF_MARGIN_MS);
  }

  /**
   * As above, with the margin (ms) granted beyond the page time limit before giving up on a page.
   */
  BrowserFetcher(
      Path executable, String userAgent, AddressGuard guard, long maxBytes, long handoffMarginMs) {
    this.handoffMarginMs = handoffMarginMs;
    this.executable = executable;
    this.userAgent = userAgent;
    this.guard = guard;
    this.maxBytes = maxBytes;
  }

  @Override
  public FetchResult fetch(FetchRequest request) {
    long submitted = System.nanoTime();
    AtomicLong startedAt = new AtomicLong();
    CompletableFuture<FetchResult> f =
        CompletableFuture.supplyAsync(
            () -> {
              long start = System.nanoTime();
              startedAt.set(start);
              return render(request, start);
            },
            owner);
    // The time limit runs from the moment the owner thread starts the page, not from submission:
    // a page queued behind others is not failed for their time. The owner thread is never
    // interrupted (Playwright would be left in an unknown state); every Playwright call it makes
    // has its own time limit, so a late page ends by itself and its result is dropped.
    long limitNs =
        TimeUnit.MILLISECONDS.toNanos(request.browser().pageTimeoutMs() + handoffMarginMs);
    while (true) {
      long start = startedAt.get();
      long waitNs = start == 0 ? TimeUnit.SECONDS.toNanos(1) : start + limitNs - System.nanoTime();
      if (start != 0 && waitNs <= 0) {
        return FetchResult.failed(
            request.url(),
            FetchMode.BROWSER,
            FetchOutcome.TIMEOUT,
            "browser did not finish the page in time",
            ms(start));
      }
      try {
        return f.get(waitNs, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // not started yet, or started and still within its limit: look again
      } catch (ExecutionException e) {
        return FetchResult.failed(
            request.url(),
            FetchMode.BROWSER,
            FetchOutcome.ERROR,
            String.valueOf(e.getCause()),
            ms(submitted));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return FetchResult.failed(
            request.url(), FetchMode.BROWSER, FetchOutcome.ERROR, "interrupted", ms(submitted));
      }
    }
  }

  private FetchResult render(FetchRequest request, long start) {
    String url = request.url();
    URI uri = URI.create(url);
    try {
      int port =
          uri.getPort() != -1
              ? uri.getPort()
              : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      String host = uri.getHost();
      guard.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
    } catch (BlockedAddressException e) {
      return FetchResult.failed(
          url, FetchMode.BROWSER, FetchOutcome.BLOCKED, e.getMessage(), ms(start));
    } catch (java.net.UnknownHostException e) {
      return FetchResult.failed(
          url,
          FetchMode.BROWSER,
          FetchOutcome.UNREACHABLE,
          "unknown host " + uri.getHost(),
          ms(start));
    }
    if (!ensureBrowser()) {
      return FetchResult.failed(
          url, FetchMode.BROWSER, FetchOutcome.UNAVAILABLE, launchError, ms(start));
    }
    BrowserSettings settings = request.browser();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.pageTimeoutMs());
    try (BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setUserAgent(userAgent)
                .setViewportSize(1280, 900)
                .setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK))) {
      String pageHost = Source.hostKey(uri);
      Map<String, Boolean> guarded = new java.util.HashMap<>();
      context.route(
          "**/*",
          route -> {
            String target = route.request().url();
            if (allowed(target, pageHost, request) && passesGuard(target, guarded)) {
              route.resume();
            } else {
              route.abort("blockedbyclient");
            }
          });
      Page page = context.newPage();
      page.setDefaultTimeout(settings.pageTimeoutMs());
      page.setDefaultNavigationTimeout(settings.pageTimeoutMs());
      proxy.drainRefusals(); // anything left over belongs to an earlier page
      Response response;
      try {
        response = page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
      } catch (PlaywrightException e) {
        List<String> refused = proxy.drainRefusals();
        if (!refused.isEmpty()) {
          return FetchResult.failed(
              url, FetchMode.BROWSER, FetchOutcome.BLOCKED, refused.get(0), ms(start));
        }
        throw e;
      }
      // A redirect hop (or the page itself, re-resolved) refused by the guarding proxy: drop the
      // page.
      String blocked =
          response == null
              ? null
              : response.headerValue(GuardedProxy.BLOCKED_HEADER.toLowerCase(Locale.ROOT));
      if (blocked != null) {
        return FetchResult.failed(url, FetchMode.BROWSER, FetchOutcome.BLOCKED, blocked, ms(start));
      }
      // The route handler never sees redirect hops: a page that ended on a host outside the
      // source's allow-list is dropped and reported as a redirect, so the crawl's filters decide
      // about the target exactly as for a static redirect.
      String landed = page.url();
      if (response != null
          && response.request().redirectedFrom() != null
          && !allowed(landed, pageHost, request)) {
        return new FetchResult(
            url,
            url,
            FetchMode.BROWSER,
            FetchOutcome.REDIRECT,
            302,
            Map.of(),
            null,
            false,
            null,
            null,
            landed,
            null,
            ms(start));
      }
      int status = response == null ? 200 : response.status();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      if (response != null) {
        response
            .allHeaders()
            .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.of(v)));
      }
      byte[] raw = response == null ? null : cap(response.body());
      if (status < 200 || status >= 300) {
        return new FetchResult(
            url,
            page.url(),
            FetchMode.BROWSER,
            FetchOutcome.HTTP_ERROR,
            status,
            headers,
            raw,
            false,
            null,
            null,
            null,
            "HTTP " + status,
            ms(start));
      }
      int rounds = new InfiniteScroller(page, settings, deadline).scroll();
      int items =
          request.itemSelector() != null && settings.screenshot()
              ? ItemShots.mark(page, request.itemSelector())
              : -1;
      String html = page.content();
      byte[] htmlBytes = html.getBytes(StandardCharsets.UTF_8);
      boolean truncated = htmlBytes.length > maxBytes;
      if (truncated) {
        html = new String(Arrays.copyOf(htmlBytes, (int) maxBytes), StandardCharsets.UTF_8);
      }
      // A feed gets one crop per item (never a strip of the whole feed); other pages one
      // full-page screenshot.
      List<FetchResult.ItemShot> itemShots =
          items >= 0 ? ItemShots.take(page, items, deadline) : null;
      byte[] shot =
          settings.screenshot() && items < 0
              ? page.screenshot(
                  new Page.ScreenshotOptions().setFullPage(true).setTimeout(remainingMs(deadline)))
              : null;
      LOG.debug("rendered {} after {} scroll rounds", url, rounds);
      return new FetchResult(
          url,
          page.url(),
          FetchMode.BROWSER,
          FetchOutcome.OK,
          status,
          headers,
          raw,
          truncated,
          html,
          shot,
          null,
          null,
          ms(start),
          itemShots);
    } catch (TimeoutError e) {
      return FetchResult.failed(
          url, FetchMode.BROWSER, FetchOutcome.TIMEOUT, firstLine(e), ms(start));
    } catch (PlaywrightException e) {
      String msg = firstLine(e);
      FetchOutcome outcome =
          msg.contains("ERR_CONNECTION_REFUSED") || msg.contains("ERR_NAME_NOT_RESOLVED")
              ? FetchOutcome.UNREACHABLE
              : FetchOutcome.ERROR;
      return FetchResult.failed(url, FetchMode.BROWSER, outcome, msg, ms(start));
    }
  }

  private static boolean allowed(String target, String pageHost, FetchRequest request) {
    if (target.startsWith("data:") || target.startsWith("blob:")) {
      return true;
    }
    try {
      URI t = URI.create(target);
      String key = Source.hostKey(t);
      return key.equals(pageHost) || request.allowedHosts().contains(key);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // Chromium resolves names itself: check each host of a sub-request too (once per page).
  private boolean passesGuard(String target, Map<String, Boolean> cache) {
    if (target.startsWith("data:") || target.startsWith("blob:")) {
      return true;
    }
    String host = URI.create(target).getHost();
    if (host == null) {
      return false;
    }
    return cache.computeIfAbsent(
        host,
        h -> {
          try {
            guard.resolve(h.startsWith("[") ? h.substring(1, h.length() - 1) : h);
            return true;
          } catch (java.net.UnknownHostException e) {
            return false;
          }
        });
  }

  private byte[] cap(byte[] body) {
    return body != null && body.length > maxBytes ? Arrays.copyOf(body, (int) maxBytes) : body;
  }

  private boolean ensureBrowser() {
    if (browser != null) {
      return true;
    }
    if (launchError != null) {
      return false;
    }
    if (!Chromium.available(executable)) {
      launchError = Chromium.MISSING_MESSAGE + " (looked for " + executable + ")";
      return false;
    }
    try {
      // The bundled driver would otherwise try to download its own browsers.
      // Every connection Chromium makes goes through the guarding proxy (loopback included:
      // Playwright adds <-loopback> to the bypass list so that loopback is proxied too).
      proxy = new GuardedProxy(guard);
      playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(executable)
                      .setHeadless(true)
                      .setArgs(Chromium.ARGS)
                      .setProxy(
                          new com.microsoft.playwright.options.Proxy(proxy.address())
                              .setBypass("<-loopback>")));
      return true;
    } catch (java.io.IOException e) {
      launchError = "cannot start the guarding proxy: " + e.getMessage();
      closeBrowser();
      return false;
    } catch (PlaywrightException e) {
      launchError = "cannot start Chromium at " + executable + ": " + firstLine(e);
      closeBrowser();
      return false;
    }
  }

  private void closeBrowser() {
    try {
      if (browser != null) browser.close();
      if (playwright != null) playwright.close();
    } catch (PlaywrightException e) {
      LOG.warn("closing Chromium: {}", firstLine(e));
    }
    browser = null;
    playwright = null;
    if (proxy != null) {
      proxy.close();
      proxy = null;
    }
  }

  static long remainingMs(long deadlineNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  private static String firstLine(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static long ms(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    try {
      owner.submit(this::closeBrowser).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("closing Chromium: {}", e.toString());
    } finally {
      owner.shutdownNow();
    }
  }
}
