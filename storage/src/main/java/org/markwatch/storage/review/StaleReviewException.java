package org.markwatch.storage.review;

/** The review changed since the analyst saw it (another decision or assignment came first). */
public final class StaleReviewException extends RuntimeException {
  public StaleReviewException(String message) {
    super(message);
  }
}
