package org.markwatch.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from a filter or handler, where no message converter runs. */
final class ProblemWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String kind,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            JSON.writeValueAsString(
                Problem.of(status, kind, title, detail, request.getRequestURI())));
  }
}
