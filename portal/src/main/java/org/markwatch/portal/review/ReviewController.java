package org.markwatch.portal.review;

import java.util.List;
import java.util.Map;
import org.markwatch.portal.access.ListingAccess;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.jurisdiction.OutOfJurisdictionException;
import org.markwatch.storage.review.DecisionRequest;
import org.markwatch.storage.review.ReviewState;
import org.markwatch.storage.review.ReviewStore;
import org.markwatch.storage.review.StaleReviewException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review actions: decide (confirm, dismiss, escalate with a reason code and a note), the same
 * on a selection, "assign to me", and a supervisor's assignment. Each is a POST with the CSRF
 * token; the storage module checks the jurisdiction again and writes the audit row in the same
 * transaction as the change. After the action the user goes back where they were.
 */
@Controller
class ReviewController {
  static final List<String> DECISIONS = List.of("confirmed", "dismissed", "escalated");

  private final ReviewStore reviews;
  private final ListingAccess access;

  ReviewController(ReviewStore reviews, ListingAccess access) {
    this.reviews = reviews;
    this.access = access;
  }

  @PostMapping("/review/decide")
  String decide(
      Viewer viewer,
      @RequestParam String listingId,
      @RequestParam String decision,
      @RequestParam String reason,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) Long version,
      @RequestParam(required = false) String back,
      RedirectAttributes flash) {
    access.requireListing(viewer, listingId);
    var request =
        new DecisionRequest(
            listingId,
            decisionState(decision),
            reason,
            note,
            List.of("listing:" + listingId),
            version);
    reviews.decide(viewer.jurisdiction(), request);
    flash.addFlashAttribute("done", List.of(listingId));
    flash.addFlashAttribute("doneDecision", decision);
    return "redirect:" + BackLink.safe(back);
  }

  @PostMapping("/review/bulk")
  String bulk(
      Viewer viewer,
      @RequestParam(name = "ids", required = false) List<String> ids,
      @RequestParam String decision,
      @RequestParam String reason,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String back,
      RedirectAttributes flash) {
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException("select at least one listing (x or the check boxes)");
    }
    if (ids.size() > 500) {
      throw new IllegalArgumentException(
          "at most 500 listings in one bulk decision, got " + ids.size());
    }
    Map<String, ReviewStore.BulkOutcome> result =
        reviews.decideAll(viewer.jurisdiction(), ids, decisionState(decision), reason, note);
    flash.addFlashAttribute(
        "done",
        result.entrySet().stream().filter(e -> e.getValue().ok()).map(Map.Entry::getKey).toList());
    flash.addFlashAttribute("doneDecision", decision);
    flash.addFlashAttribute(
        "refused",
        result.entrySet().stream()
            .filter(e -> !e.getValue().ok())
            .map(e -> e.getKey() + ": " + e.getValue().refused())
            .toList());
    return "redirect:" + BackLink.safe(back);
  }

  @PostMapping("/review/claim")
  String claim(
      Viewer viewer, @RequestParam String listingId, @RequestParam(required = false) String back) {
    access.requireListing(viewer, listingId);
    reviews.claim(viewer.jurisdiction(), listingId);
    return "redirect:" + BackLink.safe(back);
  }

  @PostMapping("/review/assign")
  String assign(
      Viewer viewer,
      @RequestParam String listingId,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String back) {
    if (!viewer.has("SUPERVISOR") && !viewer.has("ADMIN")) {
      throw new org.springframework.security.access.AccessDeniedException(
          "only a supervisor assigns to others");
    }
    access.requireListing(viewer, listingId);
    reviews.assign(
        viewer.jurisdiction(),
        listingId,
        assignee == null || assignee.isBlank() ? null : assignee.strip());
    return "redirect:" + BackLink.safe(back);
  }

  private static ReviewState decisionState(String decision) {
    if (decision == null || !DECISIONS.contains(decision)) {
      throw new IllegalArgumentException(
          "decision must be one of " + DECISIONS + ", got '" + decision + "'");
    }
    return ReviewState.parse(decision);
  }

  /** Out of jurisdiction looks exactly like a listing that does not exist. */
  @ExceptionHandler(OutOfJurisdictionException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String outside(OutOfJurisdictionException e, Model model) {
    model.addAttribute("status", 404);
    return "error";
  }

  @ExceptionHandler(StaleReviewException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  String stale(StaleReviewException e, Model model) {
    model.addAttribute("status", 409);
    model.addAttribute("message", e.getMessage());
    return "error";
  }
}
