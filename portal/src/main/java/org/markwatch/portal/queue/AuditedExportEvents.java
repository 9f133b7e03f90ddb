package org.markwatch.portal.queue;

import javax.sql.DataSource;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.springframework.stereotype.Component;

/** Every export goes to the audit log: who, which format, which filter, how many rows. */
@Component
class AuditedExportEvents implements ExportEvents {
  private final AuditLog audit = new AuditLog();
  private final DataSource dataSource;

  AuditedExportEvents(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void exported(Viewer viewer, String format, QueueFilter filter, int rows) {
    audit.appendNow(
        dataSource,
        viewer.username(),
        AuditAction.EXPORT,
        "queue",
        "format="
            + format
            + " rows="
            + rows
            + " violation="
            + filter.violation()
            + " platform="
            + filter.platform()
            + " q="
            + filter.q()
            + " state="
            + filter.state()
            + " mine="
            + filter.mine()
            + " sort="
            + filter.sort());
  }
}
