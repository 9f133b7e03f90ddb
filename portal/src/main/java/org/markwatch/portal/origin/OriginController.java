package org.markwatch.portal.origin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.markwatch.portal.security.Viewer;
import org.markwatch.portal.web.FieldErrors;
import org.markwatch.storage.InvalidInputException;
import org.markwatch.storage.origin.BrandScope;
import org.markwatch.storage.origin.GenuineProduct;
import org.markwatch.storage.origin.OriginStore;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Product origin (plan item 2.5) in the portal: the genuine products, their codes (GTIN, serial
 * ranges) and the authorised sellers a brand owner registers, until now only through {@code
 * markwatch origin}. Operators and admins act for any brand; a user with the brand_owner role for
 * the brands an admin granted it here ({@code user_brands}). Problems are shown beside the field
 * (the store's codes, worded in the reader's language); every registration is audited by the store.
 */
@Controller
class OriginController {
  static final int MAX_LISTED = 500;

  private final OriginStore origin;
  private final MessageSource messages;

  OriginController(OriginStore origin, MessageSource messages) {
    this.origin = origin;
    this.messages = messages;
  }

  record ProductForm(String id, String brand, String name, String owner) {
    static final ProductForm EMPTY = new ProductForm("", "", "", "");
  }

  record SellerForm(
      String brand, String sellerId, String shopHost, String name, String validUntil) {
    static final SellerForm EMPTY = new SellerForm("", "", "", "", "");
  }

  record CodeForm(String product, String gtin, String prefix, String from, String to) {
    static CodeForm empty(String product) {
      return new CodeForm(product, "", "", "", "");
    }
  }

  record OwnerForm(String username, String brand) {
    static final OwnerForm EMPTY = new OwnerForm("", "");
  }

  @GetMapping("/origin")
  String home(Viewer viewer, Model model) {
    return home(viewer, model, ProductForm.EMPTY, Map.of(), SellerForm.EMPTY, Map.of(), null);
  }

  @PostMapping("/origin/product")
  String registerProduct(ProductForm form, Viewer viewer, Locale locale, Model model) {
    try {
      origin.registerProduct(
          scope(viewer), form.id(), form.brand(), form.name(), form.owner(), viewer.username());
    } catch (InvalidInputException e) {
      return home(viewer, model, form, errors(e, locale), SellerForm.EMPTY, Map.of(), null);
    }
    return "redirect:/origin/product?id=" + url(form.id().strip()) + "&saved=1";
  }

  @PostMapping("/origin/seller")
  String authoriseSeller(SellerForm form, Viewer viewer, Locale locale, Model model) {
    try {
      origin.authoriseSeller(
          scope(viewer),
          form.brand(),
          form.sellerId(),
          form.shopHost(),
          form.name(),
          date(form.validUntil()),
          viewer.username());
    } catch (InvalidInputException e) {
      return home(viewer, model, ProductForm.EMPTY, Map.of(), form, errors(e, locale), null);
    }
    return "redirect:/origin?saved=seller";
  }

  @GetMapping("/origin/product")
  String product(@RequestParam String id, Viewer viewer, Model model) {
    return product(id, viewer, model, CodeForm.empty(id), Map.of(), Map.of());
  }

  @PostMapping("/origin/gtin")
  String addGtin(CodeForm form, Viewer viewer, Locale locale, Model model) {
    BrandScope scope = scope(viewer);
    visible(scope, form.product());
    try {
      origin.addGtin(scope, form.product(), form.gtin(), viewer.username());
    } catch (InvalidInputException e) {
      return product(form.product(), viewer, model, form, errors(e, locale), Map.of());
    }
    return "redirect:/origin/product?id=" + url(form.product()) + "&saved=1";
  }

  @PostMapping("/origin/serials")
  String addSerials(CodeForm form, Viewer viewer, Locale locale, Model model) {
    BrandScope scope = scope(viewer);
    visible(scope, form.product());
    try {
      long from = number("from", form.from());
      long to = number("to", form.to());
      origin.addSerialRange(scope, form.product(), form.prefix(), from, to, viewer.username());
    } catch (InvalidInputException e) {
      return product(form.product(), viewer, model, form, Map.of(), errors(e, locale));
    }
    return "redirect:/origin/product?id=" + url(form.product()) + "&saved=1";
  }

  /** Admins: let a brand_owner user act for a brand. */
  @PostMapping("/origin/owners/grant")
  String grant(OwnerForm form, Viewer viewer, Locale locale, Model model) {
    try {
      origin.grantBrand(
          form.username() == null ? "" : form.username().strip(), form.brand(), viewer.username());
    } catch (InvalidInputException e) {
      model.addAttribute("ownerForm", form);
      return home(
          viewer,
          model,
          ProductForm.EMPTY,
          Map.of(),
          SellerForm.EMPTY,
          Map.of(),
          errors(e, locale));
    }
    return "redirect:/origin?saved=owner";
  }

  @PostMapping("/origin/owners/revoke")
  String revoke(OwnerForm form, Viewer viewer) {
    origin.revokeBrand(form.username(), form.brand(), viewer.username());
    return "redirect:/origin?saved=owner";
  }

  private String home(
      Viewer viewer,
      Model model,
      ProductForm productForm,
      Map<String, List<String>> productErrors,
      SellerForm sellerForm,
      Map<String, List<String>> sellerErrors,
      Map<String, List<String>> ownerErrors) {
    BrandScope scope = scope(viewer);
    model.addAttribute("scope", scope);
    model.addAttribute("products", origin.products(scope, MAX_LISTED));
    model.addAttribute("sellers", origin.authorisedSellers(scope, MAX_LISTED));
    model.addAttribute("productForm", productForm);
    model.addAttribute("productErrors", productErrors);
    model.addAttribute("sellerForm", sellerForm);
    model.addAttribute("sellerErrors", sellerErrors);
    model.addAttribute("today", LocalDate.now(org.markwatch.portal.web.Formats.VIETNAM));
    if (viewer.has("ADMIN")) {
      model.addAttribute("owners", origin.owners());
      if (!model.containsAttribute("ownerForm")) {
        model.addAttribute("ownerForm", OwnerForm.EMPTY);
      }
      model.addAttribute("ownerErrors", ownerErrors == null ? Map.of() : ownerErrors);
    }
    return "origin/home";
  }

  private String product(
      String id,
      Viewer viewer,
      Model model,
      CodeForm form,
      Map<String, List<String>> gtinErrors,
      Map<String, List<String>> serialErrors) {
    GenuineProduct p = visible(scope(viewer), id);
    model.addAttribute("product", p);
    model.addAttribute("codes", origin.codes(p.id()));
    model.addAttribute("codeForm", form);
    model.addAttribute("gtinErrors", gtinErrors);
    model.addAttribute("serialErrors", serialErrors);
    return "origin/product";
  }

  /** The product, or the 404 of an id that does not exist when it is another brand's. */
  private GenuineProduct visible(BrandScope scope, String id) {
    return origin
        .product(scope, id == null ? "" : id.strip())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** Operators and admins act for every brand; a brand owner for its granted brands only. */
  BrandScope scope(Viewer viewer) {
    if (viewer.has("OPERATOR") || viewer.has("ADMIN")) {
      return BrandScope.ALL;
    }
    if (viewer.has("BRAND_OWNER")) {
      return BrandScope.of(origin.ownerBrands(viewer.username()));
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN);
  }

  private Map<String, List<String>> errors(InvalidInputException e, Locale locale) {
    return FieldErrors.of(e, "origin", messages, locale);
  }

  private static long number(String field, String text) {
    String t = text == null ? "" : text.strip();
    if (!t.matches("\\d{1,18}")) {
      throw new InvalidInputException(
          field + ": '" + text + "' is not a whole number", field, "number", t);
    }
    return Long.parseLong(t);
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "validUntil: '" + text + "' is not a date", "validUntil", "date", text.strip());
    }
  }

  private static String url(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
