package org.markwatch.storage.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;

class UserStoreTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void loginsAreCheckedThrottledAndAudited(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
      UserStore users =
          new UserStore(
              db.dataSource(),
              PasswordHasher.fast(),
              new LoginPolicy(3, Duration.ofMinutes(15), Duration.ofHours(1)),
              clock);
      User lan =
          users.add(
              new NewUser("lan", "Nguyễn Thị Lan", null, "ha-noi", Set.of(Role.ANALYST)),
              "correct horse battery",
              false,
              "admin");
      assertThat(lan.jurisdiction().provinceCode()).isEqualTo("ha-noi");
      try (Connection c = db.connection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT password_hash FROM users WHERE username = 'lan'")) {
        rs.next();
        assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain("correct horse");
      }

      assertThat(users.authenticate("lan", "correct horse battery", "127.0.0.1").success())
          .isTrue();
      assertThat(users.authenticate("lan", "wrong", "127.0.0.1").outcome())
          .isEqualTo(LoginResult.Outcome.BAD_CREDENTIALS);
      assertThat(users.authenticate("nobody", "wrong", "127.0.0.1").outcome())
          .isEqualTo(LoginResult.Outcome.BAD_CREDENTIALS);
      users.authenticate("lan", "wrong", "127.0.0.1");
      LoginResult third = users.authenticate("lan", "wrong", "127.0.0.1");
      assertThat(third.outcome()).isEqualTo(LoginResult.Outcome.LOCKED);
      assertThat(third.lockedUntil()).isEqualTo(Instant.parse("2026-12-01T08:15:00Z"));
      // Locked: even the right password is refused until then.
      assertThat(users.authenticate("lan", "correct horse battery", "127.0.0.1").outcome())
          .isEqualTo(LoginResult.Outcome.LOCKED);
      clock.set(Instant.parse("2026-12-01T08:16:00Z"));
      assertThat(users.authenticate("lan", "correct horse battery", "127.0.0.1").success())
          .isTrue();
      assertThat(users.find("lan").orElseThrow().failedLogins()).isZero();

      users.setDisabled("lan", true, "admin");
      assertThat(users.authenticate("lan", "correct horse battery", "127.0.0.1").outcome())
          .isEqualTo(LoginResult.Outcome.DISABLED);
      users.setDisabled("lan", false, "admin");
      users.resetPassword("lan", "a brand new passphrase", true, "admin");
      assertThat(users.authenticate("lan", "correct horse battery", "127.0.0.1").success())
          .isFalse();
      LoginResult ok = users.authenticate("lan", "a brand new passphrase", "127.0.0.1");
      assertThat(ok.user().mustChangePassword()).isTrue();

      try (Connection c = db.connection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT action, COUNT(*) FROM audit_log GROUP BY action ORDER BY action")) {
        StringBuilder counts = new StringBuilder();
        while (rs.next()) {
          counts.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
        }
        assertThat(counts.toString().strip())
            .isEqualTo(
                "login=3 login_failed=7 password_reset=1 user_added=1 user_disabled=1 user_enabled=1");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void badUsersAreRefusedWithTheReason(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      UserStore users =
          new UserStore(
              db.dataSource(),
              PasswordHasher.fast(),
              LoginPolicy.standard(),
              java.time.Clock.systemUTC());
      assertThatThrownBy(
              () ->
                  users.add(
                      new NewUser("lan", null, null, "atlantis", Set.of(Role.ANALYST)),
                      "long enough password",
                      false,
                      "admin"))
          .hasMessageContaining("unknown province 'atlantis'");
      assertThatThrownBy(
              () ->
                  users.add(
                      new NewUser("lan", null, null, null, Set.of(Role.ANALYST)),
                      "short",
                      false,
                      "admin"))
          .hasMessageContaining("at least 12");
      assertThatThrownBy(() -> new NewUser("bad name!", null, null, null, Set.of(Role.ANALYST)))
          .hasMessageContaining("bad name!");
      users.add(
          new NewUser("lan", null, null, null, Set.of(Role.ANALYST)),
          "long enough password",
          false,
          "admin");
      assertThatThrownBy(
              () ->
                  users.add(
                      new NewUser("lan", null, null, null, Set.of(Role.ADMIN)),
                      "long enough password",
                      false,
                      "admin"))
          .hasMessageContaining("already exists");
      assertThat(users.count()).isEqualTo(1);
    }
  }

  static final class MutableClock extends java.time.Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void set(Instant i) {
      now.set(i);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
