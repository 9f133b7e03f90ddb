package org.markwatch.portal.cases;

import java.util.List;
import javax.sql.DataSource;
import org.markwatch.portal.access.ListingAccess;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.OutOfJurisdictionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Cases: the list the user may see, one case with its listings, sellers and actions (takedown
 * requests, referrals, fines), and opening a case from a listing or adding a listing to one. The
 * storage module checks the jurisdiction and audits every change.
 */
@Controller
class CaseController {
  private final CaseStore cases;
  private final ListingAccess access;

  CaseController(DataSource dataSource, ListingAccess access) {
    this.cases = new CaseStore(dataSource);
    this.access = access;
  }

  @GetMapping("/cases")
  String list(Viewer viewer, Model model) {
    model.addAttribute("cases", cases.list(viewer.jurisdiction()));
    return "cases";
  }

  @GetMapping("/case")
  String show(Viewer viewer, @RequestParam String id, Model model) {
    model.addAttribute("kinds", List.of("takedown_request", "referral", "fine"));
    model.addAttribute("statuses", List.of("planned", "sent", "acknowledged", "done", "rejected"));
    model.addAttribute("agencies", List.of("police", "tax", "customs", "state_bank", "telecoms"));
    CaseRecord c =
        cases
            .find(viewer.jurisdiction(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + id));
    model.addAttribute("kase", c);
    return "case";
  }

  @PostMapping("/case/new")
  String create(
      Viewer viewer, @RequestParam String title, @RequestParam(required = false) String listingId) {
    requireReviewer(viewer);
    boolean withListing = listingId != null && !listingId.isBlank();
    if (withListing) {
      access.requireListing(viewer, listingId);
    }
    CaseRecord c = cases.create(viewer.jurisdiction(), null, title, null, null, null);
    if (withListing) {
      c = cases.addListings(viewer.jurisdiction(), c.id(), List.of(listingId));
    }
    return "redirect:/case?id="
        + java.net.URLEncoder.encode(c.id(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @PostMapping("/case/add")
  String add(Viewer viewer, @RequestParam String caseId, @RequestParam String listingId) {
    requireReviewer(viewer);
    access.requireListing(viewer, listingId);
    cases.addListings(viewer.jurisdiction(), caseId.strip(), List.of(listingId));
    return "redirect:/case?id="
        + java.net.URLEncoder.encode(caseId.strip(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Records a takedown request, a referral or a fine on the case (storage checks and audits). */
  @PostMapping("/case/action")
  String addAction(
      Viewer viewer,
      @RequestParam String caseId,
      @RequestParam String kind,
      @RequestParam String target,
      @RequestParam String status,
      @RequestParam(required = false) String referenceNo,
      @RequestParam(required = false) String amountVnd,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String dueDate) {
    requireReviewer(viewer);
    cases.addAction(
        viewer.jurisdiction(),
        caseId.strip(),
        kind,
        target.strip(),
        status,
        blankToNull(referenceNo),
        amount(amountVnd),
        blankToNull(note),
        dueDate(dueDate));
    return redirectTo(caseId);
  }

  /** Moves an action on: its status, and its reference number or due date when given. */
  @PostMapping("/case/action/update")
  String updateAction(
      Viewer viewer,
      @RequestParam String caseId,
      @RequestParam String actionKey,
      @RequestParam String status,
      @RequestParam(required = false) String referenceNo,
      @RequestParam(required = false) String dueDate) {
    requireReviewer(viewer);
    CaseRecord k =
        cases
            .find(viewer.jurisdiction(), caseId.strip())
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId));
    if (k.actions().stream().noneMatch(a -> a.actionKey().equals(actionKey))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such action in " + caseId);
    }
    cases.updateAction(
        viewer.jurisdiction(), actionKey, status, blankToNull(referenceNo), dueDate(dueDate));
    return redirectTo(caseId);
  }

  private static String redirectTo(String caseId) {
    return "redirect:/case?id="
        + java.net.URLEncoder.encode(caseId.strip(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static java.math.BigDecimal amount(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      java.math.BigDecimal v =
          new java.math.BigDecimal(s.strip().replace(".", "").replace(",", ""));
      if (v.signum() < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount: not a sum of đồng: '" + s + "'");
    }
  }

  /** A due date as the form's date field gives it: the end of that day in Vietnam. */
  private static java.time.Instant dueDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(s.strip())
          .atTime(23, 59)
          .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
          .toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("due date: expected YYYY-MM-DD, got '" + s + "'");
    }
  }

  @ExceptionHandler(IllegalArgumentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badRequest(IllegalArgumentException e, Model model) {
    model.addAttribute("status", 400);
    return "error";
  }

  private static void requireReviewer(Viewer viewer) {
    if (!viewer.has("ANALYST") && !viewer.has("SUPERVISOR")) {
      throw new org.springframework.security.access.AccessDeniedException(
          "only analysts and supervisors open cases");
    }
  }

  @ExceptionHandler(OutOfJurisdictionException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String outside(OutOfJurisdictionException e, Model model) {
    model.addAttribute("status", 404);
    return "error";
  }
}
