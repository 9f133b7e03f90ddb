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
