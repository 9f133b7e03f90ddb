package org.markwatch.storage.users;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user to add.
 *
 * @param username 3-100 characters: letters, digits, dot, dash, underscore, at sign
 * @param provinceCode null for a national user
 */
public record NewUser(
    String username, String displayName, String agencyCode, String provinceCode, Set<Role> roles) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

  public NewUser {
    Objects.requireNonNull(username, "username");
    if (!NAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username '" + username + "': use 3 to 100 letters, digits, '.', '-', '_' or '@'");
    }
    displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
    agencyCode = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
    provinceCode = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip();
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("user '" + username + "' needs at least one role");
    }
    roles = Set.copyOf(roles);
  }
}
