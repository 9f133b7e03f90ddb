package org.markwatch.portal.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The page for the few errors Tomcat answers before Spring sees the request (a malformed URL or
 * header): the portal's own style in words, instead of Tomcat's report with its version.
 */
public class PlainErrorValve extends ErrorReportValve {
  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("text/html");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'");
      Writer w = response.getReporter();
      if (w != null) {
        w.write(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi "
                + status
                + " · markwatch</title><link rel=\"stylesheet\" href=\"/portal.css\"></head><body><main class=\"error-page\">"
                + "<h1>Lỗi "
                + status
                + "</h1><p>Yêu cầu không hợp lệ. / The request could not be read.</p>"
                + "<p><a href=\"/queue\">Hàng đợi / Queue</a></p></main></body></html>");
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was committed: nothing left to say
    }
  }
}
