package org.markwatch.portal.queue;

import java.util.Locale;
import org.markwatch.model.Violation;

/**
 * The queue filter as the analyst's query string gives it; blank means any. Values are checked
 * here so that a crafted query string gets a clear 400 rather than an empty page.
 */
record QueueFilter(String violation, String platform, String q, int page) {
  static final int PAGE_SIZE = 50;

  QueueFilter {
    violation = violation == null ? "" : violation.trim();
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

  org.markwatch.storage.QueueFilter toStorage() {
    return new org.markwatch.storage.QueueFilter(violation, platform, q, page * PAGE_SIZE, PAGE_SIZE);
  }
}
