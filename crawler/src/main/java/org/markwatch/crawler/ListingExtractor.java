package org.markwatch.crawler;

import java.util.List;
import org.markwatch.crawler.extract.Page;
import org.markwatch.model.Listing;

/** Turns a fetched page into listings; the crawler's default is {@code Extraction::extract}. */
@FunctionalInterface
public interface ListingExtractor {
  List<Listing> extract(Page page);
}
