package org.markwatch.storage.users;

import java.time.Instant;
import java.util.Set;
import org.markwatch.storage.jurisdiction.Jurisdiction;

/**
 * A machine client of the API (another agency's system). Its token is never stored, only the
 * token's SHA-256.
 *
 * @param scopes what it may do, e.g. {@code violators:read}, {@code queue:read}
 * @param provinceCode the client's province, or null for national
 */
public record ApiClient(
    String id,
    String name,
    String agencyCode,
    String provinceCode,
    Set<String> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant lastUsedAt) {
  public ApiClient {
    scopes = Set.copyOf(scopes);
  }

  public Jurisdiction jurisdiction() {
    return new Jurisdiction("api:" + id, provinceCode);
  }

  public boolean has(String scope) {
    return scopes.contains(scope);
  }
}
