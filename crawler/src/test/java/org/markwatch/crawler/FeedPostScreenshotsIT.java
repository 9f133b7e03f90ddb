package org.markwatch.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.crawler.evidence.EvidenceRefLog;
import org.markwatch.crawler.evidence.EvidenceStore;
import org.markwatch.crawler.source.BrowserSettings;
import org.markwatch.crawler.source.FetchMode;
import org.markwatch.crawler.testing.TestSite;
import org.markwatch.model.Evidence;
import org.markwatch.model.Listing;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResource;

/**
 * Real Chromium on a feed rendered by JavaScript: every post's listing gets its own element crop
 * (its size, not the feed's), stored and archived as a WARC resource record read back with jwarc.
 */
class FeedPostScreenshotsIT {
  private static final int POSTS = 4;

  @TempDir Path tmp;

  private static int height(int i) {
    return 120 + 40 * i;
  }

  @Test
  void eachPostGetsItsOwnCropArchivedAsAWarcResource() throws Exception {
    try (TestSite site = new TestSite()) {
      site.text("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
      site.html(
          "/feed",
          """
          <!doctype html><html><head><meta charset="utf-8">
          <style>body{margin:0} article.post{width:500px;margin:0 0 30px 20px;box-sizing:border-box}</style>
          </head><body><div id="feed"></div><script>
          const colours = ['#c00', '#0a0', '#00c', '#cc0'];
          for (let i = 0; i < %d; i++) {
            const a = document.createElement('article');
            a.className = 'post'; a.dataset.postId = 'p' + i;
            a.style.height = (120 + 40 * i) + 'px'; a.style.background = colours[i];
            // the third post has no permalink: it is told by its text
            a.innerHTML = (i === 2 ? '' : '<a class="permalink" href="/post/p' + i + '">link</a>')
              + '<div class="post-text">Bài ' + i + ': túi xách số ' + i + ' giá ' + (100 + i) + 'k</div>'
              // only the second post links a document: only its listing may carry it
              + (i === 1 ? '<a href="/docs/cfs-p1.pdf">CFS</a>' : '');
            document.getElementById('feed').appendChild(a);
          }
          </script></body></html>"""
              .formatted(POSTS));
      site.route(
          "/docs/cfs-p1.pdf",
          org.markwatch.crawler.testing.TestDocuments.serve(
              "application/pdf",
              org.markwatch.crawler.testing.TestDocuments.pdf(List.of("CFS OF POST ONE"))));
      FeedCrawl.Result crawl =
          FeedCrawl.run(
              site, FetchMode.BROWSER, new BrowserSettings(0, 0, 60_000, true), tmp, "feed");

      List<Listing> listings = crawl.listings();
      assertThat(listings).as(String.valueOf(crawl.report().notices())).hasSize(POSTS);
      assertThat(listings.stream().map(l -> l.evidence().screenshotSha256()).distinct())
          .as("one crop per post, none shared")
          .hasSize(POSTS)
          .doesNotContainNull();

      Path warcDir = tmp.resolve("evidence/warc");
      EvidenceStore store = new EvidenceStore(tmp.resolve("evidence"));
      for (Listing l : listings) {
        int i = Integer.parseInt(l.text().replaceAll("(?s)^Bài (\\d+):.*", "$1"));
        Evidence e = l.evidence();
        assertThat(e.screenshotWarc()).isNotNull();
        assertThat(e.screenshotWarc().digest()).isEqualTo("sha256:" + e.screenshotSha256());
        byte[] png;
        try (FileChannel ch = FileChannel.open(warcDir.resolve(e.screenshotWarc().file()))) {
          ch.position(e.screenshotWarc().offset());
          WarcResource record = (WarcResource) new WarcReader(ch).next().orElseThrow();
          assertThat(record.contentType().base().toString()).isEqualTo("image/png");
          png = record.body().stream().readAllBytes();
        }
        assertThat(png).isEqualTo(Files.readAllBytes(store.screenshotPath(e.screenshotSha256())));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).as("post %d's width", i).isEqualTo(500);
        assertThat(image.getHeight()).as("post %d's height", i).isEqualTo(height(i));
        // the crop shows this post: its colour, not a neighbour's
        int rgb = image.getRGB(250, height(i) - 5) & 0xffffff;
        int expected = new int[] {0xcc0000, 0x00aa00, 0x0000cc, 0xcccc00}[i];
        assertThat(rgb).as("post %d's colour", i).isEqualTo(expected);
        // the document linked inside post 1 is that post's, and no other's
        if (i == 1) {
          assertThat(e.documents()).hasSize(1);
          assertThat(e.documents().get(0).text()).contains("CFS OF POST ONE");
        } else {
          assertThat(e.documents()).as("post %d's documents", i).isNull();
        }
        // the page record is shared by the posts and is where the evidence says
        assertThat(e.warc().digest()).isEqualTo("sha256:" + e.htmlSha256());
      }
      // no whole-feed screenshot was taken
      List<EvidenceRefLog.Entry> refs = EvidenceRefLog.read(warcDir.resolve("feed-refs.jsonl"));
      assertThat(refs).hasSize(1);
      assertThat(refs.get(0).screenshot()).isNull();
    }
  }
}
