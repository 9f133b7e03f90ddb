package org.markwatch.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.markwatch.storage.Database;
import org.markwatch.storage.TestDatabase;

/** The audit chain on both databases: intact, then each kind of tampering found at its row. */
class AuditLogTest {

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void anIntactChainVerifies(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      append(db, 6);
      AuditVerification v = new AuditVerifier(db.dataSource()).verify();
      assertThat(v.intact()).as(v.describe().orElse("")).isTrue();
      assertThat(v.rows()).isEqualTo(6);
      assertThat(new AuditLog().read(db.dataSource(), 2, 10))
          .extracting(AuditEntry::seq)
          .containsExactly(3L, 4L, 5L, 6L);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void anEditedRowIsReportedAtItsSeq(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      append(db, 6);
      sql(db, "UPDATE audit_log SET detail = 'confirmed -> dismissed' WHERE seq = 4");
      AuditVerification v = new AuditVerifier(db.dataSource()).verify();
      assertThat(v.firstBadSeq()).isEqualTo(4L);
      assertThat(v.problem()).contains("edited");
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aDeletedRowIsReportedAtItsSeq(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      append(db, 6);
      sql(db, "DELETE FROM audit_log WHERE seq = 3");
      AuditVerification v = new AuditVerifier(db.dataSource()).verify();
      assertThat(v.firstBadSeq()).isEqualTo(3L);
      assertThat(v.problem()).contains("deleted");
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aDeletedAndRenumberedRowIsReportedWhereTheChainBreaks(TestDatabase.Backend backend)
      throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      append(db, 6);
      // Hide the gap: delete row 3 and move 4..6 down one.
      sql(db, "DELETE FROM audit_log WHERE seq = 3");
      sql(db, "UPDATE audit_log SET seq = seq - 1 WHERE seq > 3");
      AuditVerification v = new AuditVerifier(db.dataSource()).verify();
      assertThat(v.firstBadSeq()).isEqualTo(3L);
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void reorderedRowsAreReported(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      append(db, 6);
      sql(db, "UPDATE audit_log SET seq = 100 WHERE seq = 2");
      sql(db, "UPDATE audit_log SET seq = 2 WHERE seq = 5");
      sql(db, "UPDATE audit_log SET seq = 5 WHERE seq = 100");
      AuditVerification v = new AuditVerifier(db.dataSource()).verify();
      assertThat(v.firstBadSeq()).isEqualTo(2L);
      assertThat(v.describe()).hasValueSatisfying(s -> assertThat(s).startsWith("audit row 2: "));
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void aDeletedTailIsReported(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      append(db, 6);
      sql(db, "DELETE FROM audit_log WHERE seq >= 5");
      AuditVerification v = new AuditVerifier(db.dataSource()).verify();
      assertThat(v.firstBadSeq()).isEqualTo(5L);
      assertThat(v.problem()).contains("head says 6");
    }
  }

  @ParameterizedTest
  @MethodSource("org.markwatch.storage.TestDatabase#backends")
  void concurrentAppendsKeepOneUnbrokenChain(TestDatabase.Backend backend) throws Exception {
    try (TestDatabase scratch = TestDatabase.create(backend);
        Database db = Database.open(scratch.settings())) {
      AuditLog log = new AuditLog();
      Thread[] threads = new Thread[4];
      for (int t = 0; t < threads.length; t++) {
        int id = t;
        threads[t] =
            new Thread(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    log.appendNow(
                        db.dataSource(), "writer" + id, AuditAction.LOGIN, "writer" + id, "n=" + i);
                  }
                });
        threads[t].start();
      }
      for (Thread t : threads) {
        t.join();
      }
      AuditVerification v = new AuditVerifier(db.dataSource()).verify();
      assertThat(v.intact()).as(v.describe().orElse("")).isTrue();
      assertThat(v.rows()).isEqualTo(40);
    }
  }

  private static void append(Database db, int n) {
    AuditLog log = new AuditLog();
    for (int i = 1; i <= n; i++) {
      log.appendNow(
          db.dataSource(),
          "analyst" + (i % 2),
          AuditAction.DECISION,
          "shopee:" + i,
          "new -> confirmed reason=counterfeit_confirmed note=ghi chú " + i);
    }
  }

  private static void sql(Database db, String sql) throws Exception {
    try (Connection c = db.connection();
        Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }
}
