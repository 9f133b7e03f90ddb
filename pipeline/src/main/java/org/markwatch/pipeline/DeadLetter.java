package org.markwatch.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.markwatch.model.JsonCodec;

/**
 * A record the job could not take, with where it came from and why: one JSON line of the
 * dead-letter file.
 *
 * @param file the spool file
 * @param line 1-based line number in that file
 * @param stage where it was refused: {@code read}, {@code validate}, {@code score} or {@code store}
 * @param reason the reason, naming the field where one is at fault
 * @param raw the line as read (at most {@value #MAX_RAW_CHARS} characters of a line too long to
 *     read)
 */
@JsonPropertyOrder({"file", "line", "stage", "reason", "raw"})
public record DeadLetter(String file, long line, String stage, String reason, String raw) {
  public static final int MAX_RAW_CHARS = 4096;

  public String toJson() {
    return JsonCodec.encode(this);
  }
}
