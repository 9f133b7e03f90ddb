package org.markwatch.crawler.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.markwatch.crawler.browser.Chromium;

/**
 * The browser mode of {@code markwatch bench crawl}: every page rendered by Chromium, {@code
 * concurrency} pages in flight, each page's rendered DOM handed on once its data is there.
 *
 * <p>Playwright is not thread-safe, so one thread drives one Chromium with {@code concurrency} tabs
 * ("slots"), each in its own browser context: a slot's next navigation starts as soon as its page
 * is read, while the other tabs go on rendering in Chromium's own processes. A tab is reused from
 * page to page (a same-site navigation keeps its renderer process; Crawlee opens a new tab, and so
 * a new renderer process, per page). Images, media and fonts are not loaded (the rendered DOM is
 * what is read) and requests to any host but loopback fail.
 *
 * <p>Wait rule (contract 7): after {@code load}, a page is read as soon as it holds a schema.org
 * Product JSON-LD, or once its DOM has not changed for {@value #QUIET_MS} ms (a page that renders
 * nothing more), at most {@value #MAX_WAIT_MS} ms. No URL pattern tells product pages apart.
 */
final class BrowserBench {
  static final long QUIET_MS = 250;
  static final long MAX_WAIT_MS = 15_000;
  private static final double NAV_TIMEOUT_MS = 30_000;

  // Resolves with the rendered DOM once a Product JSON-LD is attached, or the DOM has been quiet.
  private static final String SETTLE_AND_READ =
      """
      ([quietMs, maxMs]) => new Promise(resolve => {
        const hasProduct = () => Array.from(
            document.querySelectorAll('script[type="application/ld+json"]'))
          .some(s => /"@type"\\s*:\\s*(\\[[^\\]]*)?"Product"/.test(s.textContent));
        const read = () => document.documentElement.outerHTML;
        if (hasProduct()) { resolve(read()); return; }
        let quiet;
        const finish = () => { obs.disconnect(); clearTimeout(quiet); clearTimeout(cap); resolve(read()); };
        const obs = new MutationObserver(() => {
          if (hasProduct()) { finish(); return; }
          clearTimeout(quiet); quiet = setTimeout(finish, quietMs);
        });
        obs.observe(document, {childList: true, subtree: true, characterData: true});
        quiet = setTimeout(finish, quietMs);
        const cap = setTimeout(finish, maxMs);
      })
      """;

  private final String origin;
  private final int concurrency;

  BrowserBench(String origin, int concurrency) {
    this.origin = origin;
    this.concurrency = concurrency;
  }

  /** One tab and the URL it is loading, or null when idle. */
  private static final class Slot {
    final BrowserContext context;
    final Page page;
    String url;
    Response response;
    String error;

    Slot(BrowserContext context, Page page) {
      this.context = context;
      this.page = page;
    }
  }

  /**
   * Renders every URL the frontier gives until it is empty, handing {@code (finalUrl, dom)} of each
   * 2xx page to {@code pages}; other pages count in {@code failed}.
   */
  void crawl(BenchFrontier frontier, BiConsumer<String, String> pages, AtomicInteger failed) {
    if (!Chromium.available(Chromium.DEFAULT_PATH)) {
      throw new IllegalStateException(Chromium.MISSING_MESSAGE);
    }
    try (Playwright pw =
        Playwright.create(
            new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      List<String> args = new ArrayList<>(Chromium.ARGS);
      args.add("--blink-settings=imagesEnabled=false");
      // Off-site requests go to a proxy that is not there (port 9, discard), so they fail;
      // Chromium never proxies loopback, so the site itself is reached directly. This costs
      // nothing per request, where a Playwright route would be a round trip through the driver.
      args.add("--proxy-server=http://127.0.0.1:9");
      Browser browser =
          pw.chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(Chromium.DEFAULT_PATH)
                      .setHeadless(true)
                      .setArgs(args));
      List<Slot> slots = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.setDefaultTimeout(NAV_TIMEOUT_MS);
        slots.add(new Slot(context, page));
      }
      Deque<Slot> busy = new ArrayDeque<>();
      Deque<Slot> idle = new ArrayDeque<>(slots);
      while (true) {
        // Start a navigation in every idle tab that has a URL to go to.
        while (!idle.isEmpty()) {
          String url = frontier.poll();
          if (url == null) {
            break;
          }
          Slot s = idle.poll();
          start(s, url);
          busy.add(s);
        }
        if (busy.isEmpty()) {
          break; // nothing queued and nothing in flight: no page can add a link any more
        }
        // Finish the oldest page; the others keep rendering meanwhile.
        Slot s = busy.poll();
        try {
          finish(s, pages, failed);
        } finally {
          s.url = null;
          s.response = null;
          s.error = null;
          idle.add(s);
          frontier.done();
        }
      }
      for (Slot s : slots) {
        s.context.close();
      }
      browser.close();
    }
  }

  private static void start(Slot s, String url) {
    s.url = url;
    try {
      // Returns once the response has arrived and the new document is committed.
      s.response =
          s.page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
    } catch (PlaywrightException e) {
      s.error = e.getMessage();
    }
  }

  private static void finish(Slot s, BiConsumer<String, String> pages, AtomicInteger failed) {
    if (s.error != null || s.response == null || s.response.status() / 100 != 2) {
      fail(
          failed,
          s.url,
          s.error != null
              ? s.error
              : s.response == null ? "no response" : "HTTP " + s.response.status());
      return;
    }
    try {
      s.page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
      String dom =
          (String) s.page.evaluate(SETTLE_AND_READ, List.of((int) QUIET_MS, (int) MAX_WAIT_MS));
      pages.accept(s.page.url(), dom);
    } catch (PlaywrightException e) {
      fail(failed, s.url, e.getMessage());
    }
  }

  // The first few failures are printed: a bench run that fails pages is not a record.
  private static void fail(AtomicInteger failed, String url, String why) {
    if (failed.incrementAndGet() <= 5) {
      String line = String.valueOf(why);
      int nl = line.indexOf('\n');
      System.err.println("failed " + url + ": " + (nl < 0 ? line : line.substring(0, nl)));
    }
  }
}
