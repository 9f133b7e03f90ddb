package org.markwatch.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An image of a listing; hashes are filled in when the crawler stored it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Image(String url, String sha256, String phash) {
  public static Image of(String url) {
    return new Image(url, null, null);
  }
}
