package org.markwatch.demo;

import java.nio.charset.StandardCharsets;

/** One HTTP response of a demo platform, built in memory. */
record Response(int status, String contentType, byte[] body, String location) {
  static final String HTML = "text/html; charset=utf-8";
  static final String JSON = "application/json; charset=utf-8";
  static final String XML = "application/xml; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String SVG = "image/svg+xml; charset=utf-8";
  static final String CSS = "text/css; charset=utf-8";
  static final String JS = "text/javascript; charset=utf-8";

  static Response ok(String contentType, String body) {
    return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8), null);
  }

  static Response html(String body) {
    return ok(HTML, body);
  }

  static Response status(int status, String contentType, String body) {
    return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), null);
  }
}
