package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the crawler kept of the page: status, fetch mode and the SHA-256 of stored blobs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(
    Integer httpStatus, String fetchMode, String htmlSha256, String screenshotSha256) {}
