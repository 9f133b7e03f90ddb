package org.markwatch.storage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.Fixtures;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.TestDatabase;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;

/**
 * {@code db backup} then {@code db restore}: the data and the audit chain come back, a non-empty
 * target is refused unless forced, and forcing replaces what was there; on H2 and PostgreSQL.
 */
class BackupRestoreTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aBackupRestoresIntoAnEmptyDatabaseOnlyUnlessForcedWithItsAuditChainIntact(
      TestDatabase.Backend backend, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("backup.bin");
    try (TestDatabase source = TestDatabase.create(backend);
        TestDatabase target = TestDatabase.create(backend)) {
      try (Database db = Database.open(source.settings())) {
        new ListingStore(db.dataSource()).saveAll(Fixtures.sample());
        for (int i = 0; i < 3; i++) {
          new AuditLog().appendNow(db.dataSource(), "lan", AuditAction.EXPORT, "f" + i, "x");
        }
        Backup.write(db, file);
      }
      assertThat(Backup.tables(target.settings())).isZero();

      Backup.Restored r = Backup.restore(target.settings(), file, false, "admin");
      assertThat(r.audit().intact()).isTrue();
      assertThat(r.audit().rows()).isEqualTo(3);
      assertThat(r.pendingMigrations()).isEmpty();
      try (Database db = Database.openWithoutMigrating(target.settings())) {
        assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(6);
        assertThat(count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'restore'"))
            .isEqualTo(1);
        // the target works as a database after the restore: a new write and an intact chain
        new ListingStore(db.dataSource()).saveAll(java.util.List.of(Fixtures.sample().get(0)));
        assertThat(new org.markwatch.storage.audit.AuditVerifier(db.dataSource()).verify().intact())
            .isTrue();
        try (Connection c = db.connection();
            Statement st = c.createStatement()) {
          st.execute("DELETE FROM listings WHERE id = 'shopee:1'");
        }
      }

      assertThatThrownBy(() -> Backup.restore(target.settings(), file, false, "admin"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("is not empty")
          .hasMessageContaining("--force");
      try (Database db = Database.openWithoutMigrating(target.settings())) {
        assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(5); // untouched
      }

      Backup.Restored forced = Backup.restore(target.settings(), file, true, "admin");
      assertThat(forced.audit().intact()).isTrue();
      try (Database db = Database.openWithoutMigrating(target.settings())) {
        assertThat(count(db, "SELECT COUNT(*) FROM listings")).isEqualTo(6);
        // the chain is the backup's plus this restore: the first restore's row is gone with it
        assertThat(count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(4);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aFileThatIsNotABackupOfThatKindIsRefusedByName(
      TestDatabase.Backend backend, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello");
    try (TestDatabase target = TestDatabase.create(backend)) {
      assertThatThrownBy(() -> Backup.restore(target.settings(), file, false, "admin"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("notes.txt");
      assertThat(Backup.tables(target.settings())).isZero();
    }
  }

  private static long count(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
