package org.markwatch.portal.queue;

import org.markwatch.portal.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The analysts' flagged-listing queue. */
@Controller
class QueueController {
  private final QueueQuery queue;
  private final ViolationCounts counts;

  QueueController(QueueQuery queue, ViolationCounts counts) {
    this.queue = queue;
    this.counts = counts;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/queue";
  }

  @GetMapping("/queue")
  String queue(Viewer viewer, @RequestParam(required = false) String violation,
      @RequestParam(required = false) String platform, @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
    QueueFilter filter = QueueFilter.of(violation, platform, q, sort, page);
    model.addAttribute("filter", filter);
    model.addAttribute("result", queue.page(viewer, filter));
    // national figures: shown to national users only, a provincial user gets the chips without them
    model.addAttribute("counts", viewer.national() ? counts.summary().flaggedByViolation() : null);
    model.addAttribute("violations", org.markwatch.model.Violation.values());
    model.addAttribute("platforms", counts.platforms());
    return "queue";
  }
}
