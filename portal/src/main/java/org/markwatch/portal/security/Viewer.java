package org.markwatch.portal.security;

import java.util.Set;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * Who is looking, and so what they may see: a national user sees every listing; a provincial user
 * only listings whose seller is in their province, plus what is assigned to them ({@link
 * Jurisdiction}, the storage module's one definition of that rule).
 *
 * @param roles upper-case role names (ANALYST, SUPERVISOR, ...)
 */
public record Viewer(String username, Set<String> roles, Jurisdiction jurisdiction) {
  public Viewer {
    roles = Set.copyOf(roles);
  }

  public boolean national() {
    return jurisdiction.isNational();
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** Reads the analysts' pages (queue, listings, cases): every role but brand owners'. */
  public boolean reads() {
    for (String r : SecurityConfig.READERS) {
      if (roles.contains(r)) {
        return true;
      }
    }
    return false;
  }
}
