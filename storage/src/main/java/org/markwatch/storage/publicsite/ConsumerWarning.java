package org.markwatch.storage.publicsite;

import java.time.Instant;
import java.util.List;

/**
 * A consumer warning in force, as the public site shows it.
 *
 * @param productType the kind of product it concerns (e.g. "sữa bột"), or null
 * @param brand the brand it concerns, or null
 * @param lookFor what buyers should look for (signs of a fake, where it is sold), or null
 * @param violators the confirmed violators it names whose publication is in force
 */
public record ConsumerWarning(
    long id,
    String title,
    String body,
    String productType,
    String brand,
    String lookFor,
    Instant publishedAt,
    List<PublishedViolator> violators) {
  public ConsumerWarning {
    violators = List.copyOf(violators);
  }
}
