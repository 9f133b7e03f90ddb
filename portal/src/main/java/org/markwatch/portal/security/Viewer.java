package org.markwatch.portal.security;

import java.util.List;
import java.util.Set;

/**
 * Who is looking, and so what they may see: a national user sees every listing; a provincial user
 * only listings whose seller is in their province (under its current name or one of the names it
 * had before the 2025 merger), plus what is assigned to them.
 *
 * @param provinceNames the user's province under every name an address may give it; empty for a
 *     national user
 */
public record Viewer(String username, Set<String> roles, List<String> provinceNames) {
  public Viewer {
    roles = Set.copyOf(roles);
    provinceNames = List.copyOf(provinceNames);
  }

  public boolean national() {
    return provinceNames.isEmpty();
  }

  public boolean has(String role) {
    return roles.contains(role);
  }
}
