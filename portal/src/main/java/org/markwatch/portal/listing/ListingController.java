package org.markwatch.portal.listing;

import java.util.List;
import org.markwatch.portal.access.ListingAccess;
import org.markwatch.portal.security.Viewer;
import org.markwatch.portal.web.Formats;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.review.ReviewStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The listing page: the current observation, its verdict and signals, its history and price chart.
 */
@Controller
class ListingController {
  private final ListingStore listings;
  private final ListingAccess access;
  private final ObservationHistory history;
  private final Formats fmt;
  private final ReviewStore reviews;

  ListingController(
      ListingStore listings,
      ListingAccess access,
      ObservationHistory history,
      Formats fmt,
      ReviewStore reviews) {
    this.listings = listings;
    this.access = access;
    this.history = history;
    this.fmt = fmt;
    this.reviews = reviews;
  }

  @GetMapping("/listing")
  String listing(Viewer viewer, @RequestParam String id, Model model) {
    access.requireListing(viewer, id);
    ListingView view =
        listings
            .find(id)
            .map(ListingView::of)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, "no listing with id " + id));
    List<ObservationHistory.Observation> observations = history.of(id);
    model.addAttribute("view", view);
    model.addAttribute("review", reviews.find(viewer.jurisdiction(), id).orElse(null));
    model.addAttribute("decisions", reviews.decisions(viewer.jurisdiction(), id));
    model.addAttribute(
        "here",
        "/listing?id=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
    model.addAttribute("observations", observations);
    model.addAttribute(
        "chart",
        PriceChart.svg(
            observations.stream()
                .map(o -> new PriceChart.Point(o.observedAt(), o.priceAmount()))
                .toList(),
            amount ->
                fmt.money(
                    amount,
                    observations.isEmpty() ? null : observations.getLast().priceCurrency())));
    return "listing";
  }
}
