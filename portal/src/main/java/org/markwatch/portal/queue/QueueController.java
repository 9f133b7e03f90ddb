package org.markwatch.portal.queue;

import org.markwatch.storage.FlaggedQueue;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.QueuePage;
import org.markwatch.storage.Summary;
import org.markwatch.storage.SummaryQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/** The analysts' flagged-listing queue and the listing page with its signals and evidence. */
@Controller
class QueueController {
  private final FlaggedQueue queue;
  private final ListingStore listings;
  private final SummaryQuery summaries;

  QueueController(FlaggedQueue queue, ListingStore listings, SummaryQuery summaries) {
    this.queue = queue;
    this.listings = listings;
    this.summaries = summaries;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/queue";
  }

  @GetMapping("/queue")
  String queue(@RequestParam(required = false) String violation, @RequestParam(required = false) String platform,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
    QueueFilter filter = new QueueFilter(violation, platform, q, page);
    QueuePage result = queue.page(filter.toStorage());
    Summary summary = summaries.summary(0);
    model.addAttribute("filter", filter);
    model.addAttribute("result", result);
    model.addAttribute("summary", summary);
    return "queue";
  }

  @GetMapping("/listing")
  String listing(@RequestParam String id, Model model) {
    ListingView view = listings.find(id).map(ListingView::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no listing with id " + id));
    model.addAttribute("view", view);
    return "listing";
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badFilter(IllegalArgumentException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "error-page";
  }
}
