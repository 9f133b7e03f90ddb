package org.markwatch.pipeline;

/** The Flink job failed as a whole (not one record: those go to the dead-letter file). */
public final class JobFailedException extends RuntimeException {
  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
