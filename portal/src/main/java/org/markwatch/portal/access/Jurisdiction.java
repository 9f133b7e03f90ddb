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
   * The listing-visibility rule of {@link #restrictListings} as alternatives whose union is the
   * rule, each over {@code sellers s} and {@code reviews r}: one always-true condition (empty SQL)
   * for a national viewer; for a provincial one, "the seller is in my province" and "assigned to
   * me", so a query can read each through its own index and join the two (a UNION).
   */
  public static List<Condition> alternatives(Viewer viewer) {
    if (viewer.national()) {
      return List.of(new Condition("", List.of()));
    }
    return List.of(
        new Condition("s.province_code = ?", List.of(viewer.jurisdiction().provinceCode())),
        new Condition("r.assignee = ?", List.of(viewer.jurisdiction().username())));
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
