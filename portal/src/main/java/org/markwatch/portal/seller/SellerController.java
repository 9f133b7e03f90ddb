package org.markwatch.portal.seller;

import org.markwatch.portal.access.ListingAccess;
import org.markwatch.portal.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The seller page: its listings, decisions, contacts and the sellers it shares contacts with. */
@Controller
class SellerController {
  private final SellerQuery sellers;
  private final ListingAccess access;

  SellerController(SellerQuery sellers, ListingAccess access) {
    this.sellers = sellers;
    this.access = access;
  }

  @GetMapping("/seller")
  String seller(Viewer viewer, @RequestParam String id, Model model) {
    access.requireSeller(viewer, id);
    model.addAttribute(
        "page",
        sellers
            .page(viewer, id)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, "no seller with id " + id)));
    return "seller";
  }
}
