package org.markwatch.storage.users;

import java.util.Locale;

/** What a user may do; stored lower case in table roles / user_roles. */
public enum Role {
  ANALYST,
  SUPERVISOR,
  OPERATOR,
  ADMIN,
  AGENCY_CLIENT,
  /** A brand owner's staff: origin data of its own brands only (V72 user_brands). */
  BRAND_OWNER;

  public String sql() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "analyst", "AGENCY_CLIENT", "agency-client". */
  public static Role parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '"
              + text
              + "' (expected one of analyst, supervisor, operator,"
              + " admin, agency_client, brand_owner)");
    }
  }
}
