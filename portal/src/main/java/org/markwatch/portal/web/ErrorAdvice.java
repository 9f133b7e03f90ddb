package org.markwatch.portal.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A bad filter or parameter is the user's mistake: a 400 on the one error page, saying what was
 * wrong. Everything else goes to Spring Boot's error controller, which renders the same page
 * ({@code templates/error.html}); no stack trace ever reaches the browser.
 */
@ControllerAdvice
class ErrorAdvice {
  @ExceptionHandler({
    IllegalArgumentException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String badRequest(Exception e, Model model) {
    model.addAttribute("status", 400);
    model.addAttribute("message", e.getMessage());
    return "error";
  }
}
