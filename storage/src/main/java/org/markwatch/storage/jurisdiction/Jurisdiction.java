package org.markwatch.storage.jurisdiction;

import java.util.List;
import java.util.Objects;

/**
 * Whose listings a user may see and act on. A national user ({@code provinceCode} null) sees
 * everything; a provincial user sees the listings whose seller is in their province, plus the ones
 * assigned to them.
 *
 * @param username the acting user (also the assignee the provincial rule lets through)
 * @param provinceCode one of the 34 province codes, or null for national
 */
public record Jurisdiction(String username, String provinceCode) {
  public Jurisdiction {
    Objects.requireNonNull(username, "username");
    if (provinceCode != null && provinceCode.isBlank()) {
      provinceCode = null;
    }
  }

  public static Jurisdiction national(String username) {
    return new Jurisdiction(username, null);
  }

  public static Jurisdiction province(String username, String provinceCode) {
    return new Jurisdiction(username, Objects.requireNonNull(provinceCode, "provinceCode"));
  }

  public boolean isNational() {
    return provinceCode == null;
  }

  /**
   * May this user see or act on a listing whose seller is in {@code sellerProvince}, assigned to
   * {@code assignee}?
   */
  public boolean permits(String sellerProvince, String assignee) {
    return isNational() || provinceCode.equals(sellerProvince) || username.equals(assignee);
  }

  /**
   * The SQL condition of {@link #permits}, over the seller's province column and the review's
   * assignee column, with its parameters (none for a national user).
   */
  public Condition condition(String sellerProvinceColumn, String assigneeColumn) {
    if (isNational()) {
      return new Condition("TRUE", List.of());
    }
    return new Condition(
        "(" + sellerProvinceColumn + " = ? OR " + assigneeColumn + " = ?)",
        List.of(provinceCode, username));
  }

  /** A WHERE fragment and its parameters, in order. */
  public record Condition(String sql, List<Object> params) {
    public Condition {
      params = List.copyOf(params);
    }
  }
}
