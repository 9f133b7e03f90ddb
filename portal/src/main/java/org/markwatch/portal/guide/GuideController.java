package org.markwatch.portal.guide;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user guide, in Vietnamese, one page per role, public (no login). Its screenshots are taken by
 * the browser test {@code OperatorFlowBrowserIT} on the running portal and committed under {@code
 * static/huong-dan/anh/}, so the guide shows what the portal really looks like.
 */
@Controller
class GuideController {
  /** The roles, in the order the index lists them (URL slug = template name). */
  static final List<String> ROLES =
      List.of(
          "phan-tich-vien",
          "giam-sat-vien",
          "van-hanh",
          "quan-tri",
          "chu-nhan-hieu",
          "co-quan",
          "cong-chung");

  @GetMapping("/huong-dan")
  String index(Model model) {
    model.addAttribute("roles", ROLES);
    return "guide/index";
  }

  // letters and dashes only: the guide's style sheet and screenshots are static files beside it
  @GetMapping("/huong-dan/{role:[a-z-]+}")
  String role(@PathVariable String role, Model model) {
    if (!ROLES.contains(role)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("roles", ROLES);
    model.addAttribute("role", role);
    return "guide/" + role;
  }
}
