package org.markwatch.crawler.extract;

import java.util.List;
import org.markwatch.model.Listing;

/**
 * What extraction made of a page: the listings (possibly none) and the problems met on the way (a
 * body that is not HTML, a cut oversize page, unreadable JSON-LD). Problems never stop the crawl:
 * they are reported next to whatever could be extracted.
 */
public record ExtractionResult(List<Listing> listings, List<String> problems) {
  public ExtractionResult {
    listings = List.copyOf(listings);
    problems = List.copyOf(problems);
  }
}
