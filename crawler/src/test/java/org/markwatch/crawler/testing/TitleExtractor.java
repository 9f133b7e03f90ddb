package org.markwatch.crawler.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.markwatch.crawler.ListingExtractor;
import org.markwatch.crawler.extract.Page;
import org.markwatch.model.Listing;

/**
 * A small real extractor for crawler tests that must not depend on the extraction module's
 * progress: one listing per {@code h1} page, or one per {@code article.post} of a feed.
 */
public final class TitleExtractor implements ListingExtractor {
  @Override
  public List<Listing> extract(Page page) {
    String html =
        page.renderedHtml() != null
            ? page.renderedHtml()
            : new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html, page.url());
    List<Listing> out = new ArrayList<>();
    for (Element post : doc.select("article.post")) {
      out.add(
          Listing.builder(
                  page.platform() + ":" + post.attr("data-post-id"),
                  page.platform(),
                  page.url(),
                  page.observedAt())
              .kind("post")
              .text(post.text())
              .crawlRunId(page.crawlRunId())
              .build());
    }
    Element h1 = doc.selectFirst("h1");
    if (out.isEmpty() && h1 != null) {
      String id = URI.create(page.url()).getPath().replaceAll("[^0-9]", "");
      out.add(
          Listing.builder(
                  page.platform() + ":" + id, page.platform(), page.url(), page.observedAt())
              .title(h1.text())
              .crawlRunId(page.crawlRunId())
              .build());
    }
    return out;
  }
}
