package org.markwatch.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.jurisdiction.OutOfJurisdictionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the API's controllers as RFC 9457 problems (before the HTML error advice of the
 * analysts' pages, which would otherwise answer with a page).
 */
@RestControllerAdvice(assignableTypes = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {
  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler({
    IllegalArgumentException.class,
    MethodArgumentTypeMismatchException.class,
    HttpMessageNotReadableException.class
  })
  ResponseEntity<Problem> badRequest(Exception e, HttpServletRequest request) {
    String detail =
        e instanceof HttpMessageNotReadableException
            ? "the request body is not the JSON this operation takes"
            : e.getMessage();
    return problem(400, "bad-request", "Bad request", detail, request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Problem> mediaType(Exception e, HttpServletRequest request) {
    return problem(
        415, "unsupported-media-type", "Unsupported media type", "send application/json", request);
  }

  @ExceptionHandler({ApiController.NotFound.class, OutOfJurisdictionException.class})
  ResponseEntity<Problem> notFound(RuntimeException e, HttpServletRequest request) {
    return problem(404, "not-found", "Not found", e.getMessage(), request);
  }

  @ExceptionHandler(StorageException.class)
  ResponseEntity<Problem> storage(StorageException e, HttpServletRequest request) {
    LOG.warn("API {}: {}", request.getRequestURI(), e.getMessage());
    return problem(
        503, "unavailable", "Service unavailable", "the database could not answer", request);
  }

  static ResponseEntity<Problem> problem(
      int status, String kind, String title, String detail, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
        .body(Problem.of(status, kind, title, detail, request.getRequestURI()));
  }
}
