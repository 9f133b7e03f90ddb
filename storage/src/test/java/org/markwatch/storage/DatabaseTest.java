package org.markwatch.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void migratesTheSchemaOnceAndReopensWithoutChanges(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend)) {
      List<String> applied;
      try (Database db = Database.open(scratch.settings())) {
        assertThat(tables(db))
            .contains(
                "crawl_runs",
                "sellers",
                "listings",
                "verdicts",
                "verdict_violations",
                "observations",
                "audit_log");
        applied = appliedVersions(db);
        // Areas own version ranges (see db/migration/README.md), so there are gaps; order is what
        // matters.
        assertThat(applied).startsWith("1", "2", "3", "4").doesNotHaveDuplicates();
        assertThat(applied.stream().map(Integer::valueOf).toList()).isSorted();
      }
      try (Database again = Database.open(scratch.settings())) {
        assertThat(again.migrate()).isZero();
        assertThat(appliedVersions(again)).isEqualTo(applied);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void poolHandsOutWorkingConnectionsUpToItsLimit(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings().withMaxConnections(2))) {
      try (Connection a = db.connection();
          Connection b = db.connection()) {
        assertThat(a.isValid(2)).isTrue();
        assertThat(b.isValid(2)).isTrue();
      }
      try (Connection c = db.connection()) {
        assertThat(c.getAutoCommit()).isTrue();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void postgresScratchDatabaseIsDroppedAfterTheTest() throws Exception {
    String name;
    try (TestDatabase scratch = TestDatabase.create(TestDatabase.Backend.POSTGRES)) {
      name = scratch.postgresName();
      assertThat(TestDatabase.postgresDatabaseExists(name)).isTrue();
    }
    assertThat(TestDatabase.postgresDatabaseExists(name)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void anUnreachableServerIsReportedWithItsUrl() {
    DatabaseSettings nowhere =
        new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/markwatch", "postgres", "");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(nowhere))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith(
            "cannot migrate the database at jdbc:postgresql://127.0.0.1:1/markwatch: ");
  }

  private static List<String> tables(Database db) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.connection();
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static List<String> appliedVersions(Database db) throws Exception {
    List<String> versions = new ArrayList<>();
    try (Connection c = db.connection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }
}
