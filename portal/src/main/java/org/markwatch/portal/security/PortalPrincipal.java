package org.markwatch.portal.security;

import java.io.Serializable;
import java.security.Principal;
import org.markwatch.storage.users.User;

/** The signed-in user as the session keeps it: name and province (null: national). */
public record PortalPrincipal(String username, String displayName, String provinceCode)
    implements Principal, Serializable {
  static PortalPrincipal of(User user) {
    return new PortalPrincipal(user.username(), user.displayName(), user.provinceCode());
  }

  @Override
  public String getName() {
    return username;
  }
}
