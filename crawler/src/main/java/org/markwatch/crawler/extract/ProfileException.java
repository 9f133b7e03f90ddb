package org.markwatch.crawler.extract;

/** A site profile that cannot be used; the message names the file, line and field. */
public final class ProfileException extends IllegalArgumentException {
  public ProfileException(String message) {
    super(message);
  }
}
