package org.markwatch.storage.sharing;

/**
 * A share file that cannot be imported; the message names the file's line and field. Nothing was
 * imported.
 */
public final class ImportException extends RuntimeException {
  public ImportException(String message) {
    super(message);
  }
}
