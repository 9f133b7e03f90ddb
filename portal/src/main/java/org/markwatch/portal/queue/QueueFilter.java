package org.markwatch.portal.queue;

import java.util.Locale;
import org.markwatch.model.Violation;

/**
 * What the analyst filters the flagged queue by; blank means any. Values are checked here so a
 * crafted query string can never reach SQL as anything but a bound parameter of a known shape.
 */
record QueueFilter(String violation, String platform, String q, int page) {
  static final int PAGE_SIZE = 50;

  QueueFilter {
    violation = violation == null || violation.isBlank() ? "" : violation.trim();
    if (!violation.isEmpty() && Violation.fromId(violation).isEmpty()) {
      throw new IllegalArgumentException("unknown violation type '" + violation + "'");
    }
    platform = platform == null ? "" : platform.trim().toLowerCase(Locale.ROOT);
    if (!platform.isEmpty() && !platform.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
      throw new IllegalArgumentException("unknown platform '" + platform + "'");
    }
    q = q == null ? "" : q.trim();
    if (q.length() > 200) {
      q = q.substring(0, 200);
    }
    page = Math.max(page, 0);
  }

  int offset() {
    return page * PAGE_SIZE;
  }
}
