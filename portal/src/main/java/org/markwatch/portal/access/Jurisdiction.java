package org.markwatch.portal.access;

import java.util.List;
import org.markwatch.portal.security.Viewer;
import org.markwatch.storage.jurisdiction.Jurisdiction.Condition;

/**
 * The one place a portal query is narrowed to what its viewer may see: every page, export and
 * action that reads listings goes through here, so a provincial user never reaches another
 * province's listing, whatever the URL says. The rule itself is the storage module's {@link
 * org.markwatch.storage.jurisdiction.Jurisdiction}.
 */
public final class Jurisdiction {
  private Jurisdiction() {}

  /**
   * Appends {@code AND <listing visible>} to a WHERE clause over {@code sellers s} and {@code
   * reviews r} (the listing's review, left-joined), and its parameters.
   */
  public static void restrictListings(Viewer viewer, StringBuilder sql, List<Object> params) {
    if (viewer.national()) {
      return;
    }
    Condition c = viewer.jurisdiction().condition("s.province_code", "r.assignee");
    sql.append(" AND ").append(c.sql());
    params.addAll(c.params());
  }

  /**
   * Appends {@code AND <seller visible>} over {@code sellers s}: a seller in the viewer's province,
   * or one with a listing assigned to the viewer.
   */
  public static void restrictSellers(Viewer viewer, StringBuilder sql, List<Object> params) {
    if (viewer.national()) {
      return;
    }
    sql.append(
        " AND (s.province_code = ? OR EXISTS (SELECT 1 FROM listings la JOIN reviews ra"
            + " ON ra.listing_id = la.id WHERE la.seller_id = s.id AND ra.assignee = ?))");
    params.add(viewer.jurisdiction().provinceCode());
    params.add(viewer.username());
  }
}
