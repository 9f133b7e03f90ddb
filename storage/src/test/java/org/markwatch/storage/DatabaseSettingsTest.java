package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void defaultIsAnAbsoluteH2FileInPostgresMode() {
    DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of(), Path.of("markwatch-data/db"));
    assertThat(s.url())
        .startsWith("jdbc:h2:file:/")
        .endsWith(
            "/markwatch-data/db/markwatch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    assertThat(s.user()).isEqualTo("sa");
    assertThat(s.isPostgres()).isFalse();
  }

  @Test
  void environmentNamesTheServerAndCredentials() {
    DatabaseSettings s =
        DatabaseSettings.fromEnvironment(
            Map.of(
                "MARKWATCH_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/markwatch",
                "MARKWATCH_DB_USER",
                "analyst",
                "MARKWATCH_DB_PASSWORD",
                "s3cret"),
            Path.of(System.getProperty("java.io.tmpdir"), "x"));
    assertThat(s.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/markwatch");
    assertThat(s.user()).isEqualTo("analyst");
    assertThat(s.password()).isEqualTo("s3cret");
    assertThat(s.isPostgres()).isTrue();
    assertThat(s.toString()).doesNotContain("s3cret").contains("***");
  }

  @Test
  void refusesRelativeH2PathsAndOtherDatabases() {
    assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:file:./data/markwatch", "sa", ""))
        .hasMessageContaining("absolute")
        .hasMessageContaining("./data/markwatch");
    assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://localhost/x", "u", "p"))
        .hasMessageContaining("unsupported database URL");
    assertThatThrownBy(() -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", 0))
        .hasMessageContaining("maxConnections");
  }
}
