package org.markwatch.storage.jurisdiction;

/** A user tried to read or act on a listing outside their province that is not assigned to them. */
public final class OutOfJurisdictionException extends RuntimeException {
  public OutOfJurisdictionException(String message) {
    super(message);
  }
}
