package org.markwatch.detectors.rules;

import java.util.List;
import java.util.Map;
import org.markwatch.detectors.match.BrandFinding;
import org.markwatch.detectors.match.BrandQueries;
import org.markwatch.detectors.match.Hit;
import org.markwatch.detectors.match.ListingFields;
import org.markwatch.detectors.match.WordSense;
import org.markwatch.model.Listing;

/** What rules look at for one listing: the listing, its text hits and the brands found. */
public record ListingContext(
    Listing listing,
    ListingFields fields,
    Map<String, List<Hit>> hits,
    List<BrandFinding> brands,
    BrandQueries brandQueries,
    WordSense.Product product) {}
