package org.markwatch.portal.review;

import java.util.Map;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.review.ReviewQueue;
import org.markwatch.storage.review.ReviewState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisor's view of who has what: per assignee, their listings in each review state. */
@Controller
class TeamController {
  private final ReviewQueue queue;

  TeamController(ReviewQueue queue) {
    this.queue = queue;
  }

  @GetMapping("/team")
  String team(Viewer viewer, Model model) {
    Map<String, Map<ReviewState, Long>> workload = queue.workload(viewer.jurisdiction());
    model.addAttribute("workload", workload);
    model.addAttribute("states", ReviewState.values());
    // past their service-level due time, per assignee (key null: unassigned)
    model.addAttribute("overdue", queue.overdue(viewer.jurisdiction(), java.time.Instant.now()));
    return "team";
  }
}
