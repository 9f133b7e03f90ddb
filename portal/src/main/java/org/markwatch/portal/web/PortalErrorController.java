package org.markwatch.portal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet container forwards (404, 403, 500, a ResponseStatusException) gets the
 * portal's one error page, in the user's language, whatever the request's Accept header: never
 * Spring's Whitelabel page or JSON, never a stack trace. The detail line is shown for the user's
 * own mistakes (4xx) only; a server error's cause stays in the log.
 */
@Controller
class PortalErrorController implements ErrorController {
  @RequestMapping("/error")
  String error(HttpServletRequest request, HttpServletResponse response, Model model) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    response.setStatus(status);
    model.addAttribute("status", status);
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    if (status >= 400 && status < 500 && message instanceof String m && !m.isBlank()) {
      model.addAttribute("message", m);
    }
    return "error";
  }
}
