package org.markwatch.crawler.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one fetched sitemap (XML, text, RSS/Atom, gzip) with crawler-commons. Strict mode: only
 * URLs under the sitemap's own directory and host are kept. Pure: the caller fetched the bytes.
 */
public final class SitemapReader {
  private SitemapReader() {}

  /**
   * What a sitemap lists.
   *
   * @param pages page URLs of a url set
   * @param sitemaps child sitemaps of a sitemap index
   * @param error why the sitemap could not be read, else null
   */
  public record Contents(List<String> pages, List<String> sitemaps, String error) {}

  public static Contents read(String sitemapUrl, byte[] content, String contentType) {
    try {
      AbstractSiteMap map =
          new SiteMapParser(true)
              .parseSiteMap(
                  contentType == null ? "" : contentType, content, URI.create(sitemapUrl).toURL());
      List<String> pages = new ArrayList<>();
      List<String> children = new ArrayList<>();
      if (map instanceof SiteMapIndex index) {
        for (AbstractSiteMap child : index.getSitemaps()) {
          children.add(child.getUrl().toString());
        }
      } else if (map instanceof SiteMap set) {
        for (SiteMapURL u : set.getSiteMapUrls()) {
          pages.add(u.getUrl().toString());
        }
      }
      return new Contents(pages, children, null);
    } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
      return new Contents(
          List.of(), List.of(), "cannot read sitemap " + sitemapUrl + ": " + e.getMessage());
    }
  }
}
