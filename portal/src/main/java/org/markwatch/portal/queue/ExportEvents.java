package org.markwatch.portal.queue;

import org.markwatch.portal.security.Viewer;

/**
 * Where exports are recorded (the audit log): who took which filter, in what format, how many rows.
 */
public interface ExportEvents {
  void exported(Viewer viewer, String format, QueueFilter filter, int rows);
}
