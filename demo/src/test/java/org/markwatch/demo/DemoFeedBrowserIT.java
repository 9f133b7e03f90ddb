package org.markwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed's JavaScript in real Chromium: infinite scroll until the API says there is no more. */
class DemoFeedBrowserIT {

  @Test
  void scrollingTheFeedRendersEveryPostInTheMarkupContract() throws Exception {
    DemoWorld world = DemoWorld.generate(42);
    List<DemoListing> posts = world.listings(DemoPlatform.MANGXA);
    try (DemoSite site = DemoSite.start(world);
        Playwright pw = Playwright.create();
        Browser browser =
            pw.chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(
                            List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")))) {
      Page page =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
      page.navigate(site.baseUrl(DemoPlatform.MANGXA) + "feed");
      Locator status = page.locator("#feed-status");
      page.waitForFunction("document.getElementById('feed-status').dataset.state === 'more'");
      // Without scrolling only the first batch is there: the feed really is infinite scroll.
      assertThat(page.locator("article.post").count()).isEqualTo(DemoWorld.FEED_BATCH);

      for (int i = 0; i < 40 && !"end".equals(status.getAttribute("data-state")); i++) {
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
        page.waitForFunction("document.getElementById('feed-status').dataset.state !== 'loading'");
        page.waitForTimeout(50);
      }
      assertThat(status.getAttribute("data-state")).isEqualTo("end");
      Locator articles = page.locator("article.post");
      assertThat(articles.count()).isEqualTo(posts.size());
      assertThat(articles.evaluateAll("els => els.map(e => e.dataset.postId)"))
          .isEqualTo(posts.stream().map(DemoListing::nativeId).toList());

      DemoListing p = posts.get(posts.size() - 1);
      Locator last = page.locator("article.post[data-post-id='" + p.nativeId() + "']");
      DemoSeller author = world.seller(p.sellerId()).orElseThrow();
      assertThat(last.locator("a.author").getAttribute("href")).isEqualTo(author.path());
      assertThat(last.locator("a.author").textContent()).isEqualTo(author.name());
      assertThat(last.locator("a.permalink").getAttribute("href")).isEqualTo(p.path());
      assertThat(last.locator("a.permalink time").getAttribute("datetime"))
          .isEqualTo(p.post().postedAt());
      assertThat(last.locator("div.post-text").textContent()).isEqualTo(p.text());
      assertThat(last.locator("img.post-image").count()).isEqualTo(p.images().size());
      assertThat(last.locator("span.likes").textContent())
          .isEqualTo(Integer.toString(p.post().likes()));
      assertThat(last.locator("span.comments").textContent())
          .isEqualTo(Integer.toString(p.post().comments()));
      assertThat(site.disallowedHits()).isEmpty();
    }
  }
}
