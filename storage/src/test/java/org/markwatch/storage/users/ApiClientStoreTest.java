package org.markwatch.storage.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;

class ApiClientStoreTest {
  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aTokenIsStoredHashedAndStopsWorkingWhenRevokedOrExpired(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      UserStoreTest.MutableClock clock =
          new UserStoreTest.MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
      ApiClientStore clients = new ApiClientStore(db.dataSource(), clock);
      ApiClientStore.Created customs =
          clients.create(
              "customs-hcm",
              "Cục Hải quan TP.HCM",
              null,
              "ho-chi-minh",
              Set.of("violators:read"),
              null,
              "admin");
      ApiClientStore.Created police =
          clients.create(
              "police",
              "Bộ Công an",
              null,
              null,
              Set.of("violators:read", "cases:read"),
              Instant.parse("2026-12-31T00:00:00Z"),
              "admin");
      try (Connection c = db.connection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT token_sha256 FROM api_clients WHERE id = 'customs-hcm'")) {
        rs.next();
        assertThat(rs.getString(1)).hasSize(64).isNotEqualTo(customs.token());
      }
      assertThat(clients.authenticate(customs.token()))
          .hasValueSatisfying(
              c -> {
                assertThat(c.id()).isEqualTo("customs-hcm");
                assertThat(c.jurisdiction().provinceCode()).isEqualTo("ho-chi-minh");
                assertThat(c.has("violators:read")).isTrue();
                assertThat(c.has("cases:read")).isFalse();
              });
      assertThat(clients.authenticate(customs.token() + "x")).isEmpty();
      clients.revoke("customs-hcm", "admin");
      assertThat(clients.authenticate(customs.token())).isEmpty();
      assertThat(clients.authenticate(police.token())).isPresent();
      clock.set(Instant.parse("2027-01-01T00:00:00Z"));
      assertThat(clients.authenticate(police.token())).isEmpty();
    }
  }
}
