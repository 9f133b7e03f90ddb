package org.markwatch.portal.queue;

import jakarta.servlet.http.HttpServletRequest;
import org.markwatch.model.Violation;
import org.markwatch.portal.security.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysts' flagged-listing queue, and "my queue": the same filtered to what is assigned to me.
 */
@Controller
class QueueController {
  private final QueueQuery queue;
  private final ViolationCounts counts;
  private final QueueRowsHtml rows;

  QueueController(QueueQuery queue, ViolationCounts counts, QueueRowsHtml rows) {
    this.queue = queue;
    this.counts = counts;
    this.rows = rows;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/queue";
  }

  /** Both queues take the same filter; "/mine" keeps what is assigned to the viewer. */
  @GetMapping({"/queue", "/mine"})
  String queue(
      Viewer viewer,
      @RequestParam(required = false) String violation,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String before,
      HttpServletRequest request,
      Model model) {
    boolean mine = request.getServletPath().equals("/mine");
    return show(
        viewer,
        QueueFilter.of(violation, platform, q, sort, state, mine, page, after, before),
        request,
        model);
  }

  private String show(Viewer viewer, QueueFilter filter, HttpServletRequest request, Model model) {
    // where a decision taken on this page comes back to: this page with its filter
    model.addAttribute(
        "here",
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    model.addAttribute("filter", filter);
    model.addAttribute("base", filter.mine() ? "/mine" : "/queue");
    QueueQuery.Page page = queue.page(viewer, filter);
    model.addAttribute("result", page);
    model.addAttribute("rowsHtml", rows.render(page.rows(), request.getContextPath()));
    // national figures: shown to national users only, a provincial user gets the chips without them
    model.addAttribute("counts", viewer.national() ? counts.flaggedByViolation() : null);
    model.addAttribute("violations", Violation.values());
    model.addAttribute("platforms", counts.platforms());
    model.addAttribute("states", QueueFilter.STATES);
    return "queue";
  }
}
