package org.markwatch.portal.queue;

import java.util.List;
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
  private final QueueRepository repository;

  QueueController(QueueRepository repository) {
    this.repository = repository;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/queue";
  }

  @GetMapping("/queue")
  String queue(@RequestParam(required = false) String violation, @RequestParam(required = false) String platform,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
    QueueFilter filter = new QueueFilter(violation, platform, q, page);
    List<QueueRow> rows = repository.flagged(filter);
    boolean more = rows.size() > QueueFilter.PAGE_SIZE;
    model.addAttribute("filter", filter);
    model.addAttribute("rows", more ? rows.subList(0, QueueFilter.PAGE_SIZE) : rows);
    model.addAttribute("more", more);
    model.addAttribute("perViolation", repository.flaggedPerViolation());
    model.addAttribute("platforms", repository.platforms());
    return "queue";
  }

  @GetMapping("/listing")
  String listing(@RequestParam String id, Model model) {
    ListingView view = repository.listing(id).map(ListingView::of)
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
