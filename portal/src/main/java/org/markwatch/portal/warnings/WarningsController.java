package org.markwatch.portal.warnings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.markwatch.portal.security.Viewer;
import org.markwatch.portal.web.FieldErrors;
import org.markwatch.storage.InvalidInputException;
import org.markwatch.storage.publicsite.StaffWarning;
import org.markwatch.storage.publicsite.WarningDraft;
import org.markwatch.storage.publicsite.WarningStore;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Consumer warnings for supervisors, operators and admins ({@code SecurityConfig}): the list of
 * every warning (drafts, published, withdrawn), the form to write or edit one (its problems shown
 * beside the fields), publish and withdraw. The store audits each step; CSRF on every form.
 */
@Controller
class WarningsController {
  static final int MAX_LISTED = 200;

  private final WarningStore store;
  private final MessageSource messages;

  WarningsController(WarningStore store, MessageSource messages) {
    this.store = store;
    this.messages = messages;
  }

  /** The form's fields as typed (the violators as one text). */
  record Form(
      Long id,
      String title,
      String body,
      String productType,
      String brand,
      String lookFor,
      String keywords,
      String sellers) {
    static final Form EMPTY = new Form(null, "", "", "", "", "", "", "");

    static Form of(StaffWarning w) {
      WarningDraft d = w.draft();
      return new Form(
          w.id(),
          d.title(),
          d.body(),
          d.productType(),
          d.brand(),
          d.lookFor(),
          d.keywords(),
          String.join("\n", d.sellerIds()));
    }

    WarningDraft draft() {
      return new WarningDraft(
          title, body, productType, brand, lookFor, keywords, WarningDraft.sellerIds(sellers));
    }
  }

  @GetMapping("/warnings")
  String list(Model model) {
    model.addAttribute("warnings", store.list(MAX_LISTED));
    return "warnings/list";
  }

  @GetMapping("/warnings/edit")
  String edit(@RequestParam(required = false) Long id, Model model) {
    if (id == null) {
      return form(Form.EMPTY, null, Map.of(), model);
    }
    StaffWarning w = find(id);
    return form(Form.of(w), w, Map.of(), model);
  }

  @PostMapping("/warnings/save")
  String save(Form form, Viewer viewer, Locale locale, Model model) {
    StaffWarning existing = form.id() == null ? null : find(form.id());
    long id;
    try {
      id = store.save(form.id(), form.draft(), viewer.username());
    } catch (InvalidInputException e) {
      return form(form, existing, FieldErrors.of(e, "warn", messages, locale), model);
    }
    return "redirect:/warnings/edit?id=" + id + "&saved=1";
  }

  @PostMapping("/warnings/publish")
  String publish(@RequestParam long id, Viewer viewer, Locale locale, Model model) {
    return move(id, true, viewer, locale, model);
  }

  @PostMapping("/warnings/withdraw")
  String withdraw(@RequestParam long id, Viewer viewer, Locale locale, Model model) {
    return move(id, false, viewer, locale, model);
  }

  private String move(long id, boolean publish, Viewer viewer, Locale locale, Model model) {
    StaffWarning w = find(id);
    try {
      if (publish) {
        store.publish(id, viewer.username());
      } else {
        store.withdraw(id, viewer.username());
      }
    } catch (InvalidInputException e) {
      // published or withdrawn meanwhile (another tab, another author): say so on the form
      return form(Form.of(w), w, FieldErrors.of(e, "warn", messages, locale), model);
    }
    return "redirect:/warnings/edit?id=" + id;
  }

  private String form(
      Form form, StaffWarning warning, Map<String, List<String>> errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("warning", warning);
    model.addAttribute("errors", errors);
    return "warnings/edit";
  }

  private StaffWarning find(long id) {
    return store.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
