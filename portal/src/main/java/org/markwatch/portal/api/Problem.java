package org.markwatch.portal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 9457 problem: every error of the API is one, as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem (relative to the API, stable)
 * @param title a short, fixed summary of the kind
 * @param detail what went wrong this time, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details")
public record Problem(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int status,
    String detail,
    String instance) {
  public static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(int status, String kind, String title, String detail, String instance) {
    return new Problem("/api/v1/problems/" + kind, title, status, detail, instance);
  }
}
