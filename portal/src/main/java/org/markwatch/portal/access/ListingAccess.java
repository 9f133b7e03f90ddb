package org.markwatch.portal.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.markwatch.portal.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whether a viewer may see (and so act on) one listing or seller. Outside their jurisdiction the
 * answer is the same 404 as for an id that does not exist, so a provincial user cannot even learn
 * which ids exist elsewhere.
 */
@Component
public class ListingAccess {
  private final DataSource dataSource;

  ListingAccess(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void requireListing(Viewer viewer, String listingId) {
    if (!exists(
        viewer,
        "SELECT 1 FROM listings l LEFT JOIN sellers s ON s.id = l.seller_id"
            + " LEFT JOIN reviews r ON r.listing_id = l.id WHERE l.id = ?",
        listingId,
        true)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no listing with id " + listingId);
    }
  }

  public void requireSeller(Viewer viewer, String sellerId) {
    if (!exists(viewer, "SELECT 1 FROM sellers s WHERE s.id = ?", sellerId, false)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no seller with id " + sellerId);
    }
  }

  private boolean exists(Viewer viewer, String select, String id, boolean listing) {
    StringBuilder sql = new StringBuilder(select);
    List<Object> params = new ArrayList<>(List.of(id));
    if (listing) {
      Jurisdiction.restrictListings(viewer, sql, params);
    } else {
      Jurisdiction.restrictSellers(viewer, sql, params);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check access to " + id + ": " + e.getMessage(), e);
    }
  }
}
