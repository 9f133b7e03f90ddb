package org.markwatch.portal.access;

import java.util.List;
import org.markwatch.portal.security.Viewer;

/**
 * The one place a query is narrowed to what its viewer may see: every page, export and action that
 * reads listings goes through {@link #restrict}, so a provincial user never reaches another
 * province's listing, whatever the URL says.
 */
public final class Jurisdiction {
  private Jurisdiction() {}

  /**
   * Appends {@code AND <seller in the viewer's province>} to a WHERE clause over {@code sellers s}
   * (and its parameters); nothing for a national viewer.
   */
  public static void restrict(Viewer viewer, StringBuilder sql, List<Object> params) {
    if (viewer.national()) {
      return;
    }
    sql.append(" AND s.province IN (");
    for (int i = 0; i < viewer.provinceNames().size(); i++) {
      sql.append(i == 0 ? "?" : ", ?");
      params.add(viewer.provinceNames().get(i));
    }
    sql.append(")");
  }
}
