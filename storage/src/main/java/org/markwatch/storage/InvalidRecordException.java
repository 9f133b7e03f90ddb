package org.markwatch.storage;

/** A record that cannot be stored as it is; the message names the field and the limit. */
public final class InvalidRecordException extends RuntimeException {
  public InvalidRecordException(String message) {
    super(message);
  }
}
