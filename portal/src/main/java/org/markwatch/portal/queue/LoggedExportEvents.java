package org.markwatch.portal.queue;

import org.markwatch.portal.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Exports to the log until the audit log records them. */
@Component
class LoggedExportEvents implements ExportEvents {
  private static final Logger LOG = LoggerFactory.getLogger(LoggedExportEvents.class);

  @Override
  public void exported(Viewer viewer, String format, QueueFilter filter, int rows) {
    LOG.info("export {} by {}: {} rows, filter {}", format, viewer.username(), rows, filter);
  }
}
