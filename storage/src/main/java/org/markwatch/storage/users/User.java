package org.markwatch.storage.users;

import java.time.Instant;
import java.util.Set;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * A user as stored (never with the password hash).
 *
 * @param provinceCode the user's province, or null for a national user
 * @param failedLogins failed logins in a row since the last success
 * @param lockedUntil logins are refused until then (null: not locked)
 */
public record User(
    String username,
    String displayName,
    String agencyCode,
    String provinceCode,
    Set<Role> roles,
    boolean disabled,
    boolean mustChangePassword,
    Instant createdAt,
    Instant lastLoginAt,
    int failedLogins,
    Instant lockedUntil) {
  public User {
    roles = Set.copyOf(roles);
  }

  public Jurisdiction jurisdiction() {
    return new Jurisdiction(username, provinceCode);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
