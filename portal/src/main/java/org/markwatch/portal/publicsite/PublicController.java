package org.markwatch.portal.publicsite;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.markwatch.portal.ratelimit.RateLimiter;
import org.markwatch.storage.origin.CodeCheck;
import org.markwatch.storage.origin.OriginStore;
import org.markwatch.storage.publicsite.PublicRegistry;
import org.markwatch.storage.publicsite.TrustReport;
import org.markwatch.storage.tips.NewTip;
import org.markwatch.storage.tips.Tip;
import org.markwatch.storage.tips.TipAttachment;
import org.markwatch.storage.tips.TipStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public site, Vietnamese first: published violators and consumer warnings (search by shop
 * name, phone or link), "check a shop or link", the tip and complaint form (attachments read by
 * Tika within limits, a honeypot field and a per-address rate limit instead of a CAPTCHA), the
 * status of a tip by its tracking code, and "verify a product code".
 */
@Controller
class PublicController {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
  static final int MAX_FILES = 3;

  private final PublicRegistry registry;
  private final TipStore tips;
  private final OriginStore origin;
  private final RateLimiter tipLimit;
  private final RateLimiter lookupLimit;
  private final AttachmentInspector inspector = new AttachmentInspector();

  PublicController(
      PublicRegistry registry,
      TipStore tips,
      OriginStore origin,
      @Value("${markwatch.public.tips-per-hour:10}") long tipsPerHour,
      @Value("${markwatch.public.lookups-per-minute:60}") long lookupsPerMinute) {
    this.registry = registry;
    this.tips = tips;
    this.origin = origin;
    this.tipLimit = new RateLimiter(tipsPerHour, Duration.ofHours(1), 50_000);
    this.lookupLimit = new RateLimiter(lookupsPerMinute, Duration.ofMinutes(1), 50_000);
  }

  @PreDestroy
  void close() {
    inspector.close();
  }

  @GetMapping("/cong-khai")
  String home(
      @RequestParam(required = false) String q,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (q != null && !q.isBlank() && !allowed(lookupLimit, request, response)) {
      return limited(model);
    }
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("violators", registry.violators(q, 50));
    model.addAttribute("warnings", registry.warnings(q, 20));
    model.addAttribute("time", TIME);
    return "public/home";
  }

  /** Consumer warnings in force, searchable like the violators (and by the violators they name). */
  @GetMapping("/cong-khai/canh-bao")
  String warnings(
      @RequestParam(required = false) String q,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    if (q != null && !q.isBlank() && !allowed(lookupLimit, request, response)) {
      return limited(model);
    }
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("warnings", registry.warnings(q, 100));
    model.addAttribute("time", TIME);
    return "public/warnings";
  }

  /** One warning in force; a draft, a withdrawn warning or an unknown id is the same 404. */
  @GetMapping("/cong-khai/canh-bao/{id:\\d{1,18}}")
  String warning(@PathVariable long id, Model model) {
    model.addAttribute(
        "w",
        registry.warning(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    model.addAttribute("time", TIME);
    return "public/warning";
  }

  @GetMapping("/cong-khai/kiem-tra")
  String check(
      @RequestParam(required = false) String q,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    if (q != null && !q.isBlank()) {
      if (!allowed(lookupLimit, request, response)) {
        return limited(model);
      }
      TrustReport report = registry.check(q);
      model.addAttribute("report", report);
    }
    return "public/check";
  }

  @GetMapping("/cong-khai/to-giac")
  String tipForm(Model model) {
    model.addAttribute("form", TipForm.EMPTY);
    return "public/tip";
  }

  @PostMapping("/cong-khai/to-giac")
  String sendTip(
      TipForm form,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    if (form.website() != null && !form.website().isBlank()) {
      // the honeypot: a field people never see, that form-filling robots fill; answer as if
      // accepted, store nothing
      model.addAttribute("robot", true);
      return "public/sent";
    }
    if (!allowed(tipLimit, request, response)) {
      return limited(model);
    }
    List<MultipartFile> given =
        files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    if (given.size() > MAX_FILES) {
      return invalid(form, model, "pub.tip.error.files");
    }
    List<TipAttachment> attachments = new ArrayList<>();
    for (MultipartFile f : given) {
      attachments.add(inspector.inspect(f.getOriginalFilename(), f.getBytes()));
    }
    Tip tip;
    try {
      tip =
          tips.submit(
              new NewTip(
                  "complaint".equals(form.kind()) ? "complaint" : "tip",
                  form.url(),
                  form.shopName(),
                  form.phone(),
                  form.description(),
                  form.contact(),
                  "public",
                  attachments));
    } catch (IllegalArgumentException e) {
      return invalid(
          form,
          model,
          e.getMessage().startsWith("url: give") ? "pub.tip.error.nothing" : "pub.tip.error.url");
    }
    return "redirect:/cong-khai/theo-doi?ma=" + tip.trackingCode() + "&moi=1";
  }

  @GetMapping("/cong-khai/theo-doi")
  String status(
      @RequestParam(name = "ma", required = false) String code,
      @RequestParam(name = "moi", required = false) String isNew,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("code", code == null ? "" : code);
    if (code != null && !code.isBlank()) {
      if (!allowed(lookupLimit, request, response)) {
        return limited(model);
      }
      Optional<Tip> tip = tips.byTrackingCode(code);
      model.addAttribute("tip", tip.orElse(null));
      model.addAttribute("notFound", tip.isEmpty());
      model.addAttribute("isNew", isNew != null && tip.isPresent());
      model.addAttribute("time", TIME);
    }
    return "public/status";
  }

  @GetMapping("/cong-khai/xac-minh")
  String verify(
      @RequestParam(name = "ma", required = false) String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("code", code == null ? "" : code);
    if (code != null && !code.isBlank()) {
      if (!allowed(lookupLimit, request, response)) {
        return limited(model);
      }
      CodeCheck result = origin.verify(code);
      model.addAttribute("result", result);
    }
    return "public/verify";
  }

  private static String invalid(TipForm form, Model model, String messageKey) {
    model.addAttribute("form", form);
    model.addAttribute("error", messageKey);
    return "public/tip";
  }

  private static boolean allowed(
      RateLimiter limiter, HttpServletRequest request, HttpServletResponse response) {
    RateLimiter.Outcome o = limiter.take(request.getRemoteAddr());
    if (!o.allowed()) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(o.retryAfterSeconds()));
    }
    return o.allowed();
  }

  private static String limited(Model model) {
    return "public/limited";
  }

  /** The tip form's fields; {@code website} is the honeypot. */
  record TipForm(
      String kind,
      String url,
      String shopName,
      String phone,
      String description,
      String contact,
      String website) {
    static final TipForm EMPTY = new TipForm("tip", "", "", "", "", "", "");
  }
}
