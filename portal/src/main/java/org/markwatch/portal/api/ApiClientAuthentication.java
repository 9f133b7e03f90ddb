package org.markwatch.portal.api;

import java.util.List;
import org.markwatch.storage.users.ApiClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API client: its scopes are its authorities ({@code SCOPE_violators:read}). */
final class ApiClientAuthentication extends AbstractAuthenticationToken {
  private final ApiClient client;

  ApiClientAuthentication(ApiClient client) {
    super(
        client.scopes().stream()
            .sorted()
            .map(s -> new SimpleGrantedAuthority("SCOPE_" + s))
            .toList());
    this.client = client;
    setAuthenticated(true);
  }

  ApiClient client() {
    return client;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return client;
  }

  @Override
  public String getName() {
    return "api:" + client.id();
  }

  static List<String> scopesOf(ApiClient c) {
    return c.scopes().stream().sorted().toList();
  }
}
