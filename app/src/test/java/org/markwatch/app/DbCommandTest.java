package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;

/**
 * {@code markwatch db} and {@code markwatch users} as a user runs them, on the embedded database:
 * migrate, add users from standard input, list, disable, verify the audit chain (and catch an
 * edited row), back up, restore, export and import.
 */
class DbCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private InputStream oldIn;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    oldIn = System.in;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
    System.setIn(oldIn);
  }

  @Test
  void aNewDatabaseIsMigratedUsersAreManagedAndTheAuditChainIsChecked() throws Exception {
    String data = dir.resolve("data").toString();
    assertThat(run("db", "migrate", "--data", data)).isZero();
    java.util.regex.Matcher migrated =
        java.util.regex.Pattern.compile("schema version (\\d+)").matcher(text());
    assertThat(migrated.find()).as(text()).isTrue();
    String version = migrated.group(1);

    assertThat(
            runWithInput(
                "correct horse battery staple\n",
                "users",
                "add",
                "lan",
                "--role",
                "analyst",
                "--province",
                "ha-noi",
                "--name",
                "Nguyễn Thị Lan",
                "--password-stdin",
                "--data",
                data))
        .isZero();
    assertThat(text()).contains("added lan (Nguyễn Thị Lan) roles=[analyst] province=ha-noi");
    assertThat(
            runWithInput(
                "short\n",
                "users",
                "add",
                "bob",
                "--role",
                "admin",
                "--password-stdin",
                "--data",
                data))
        .isEqualTo(1);
    assertThat(errText()).contains("at least 12 characters");
    assertThat(
            runWithInput(
                "another long password\n",
                "users",
                "add",
                "kim",
                "--role",
                "analyst",
                "--province",
                "atlantis",
                "--password-stdin",
                "--data",
                data))
        .isEqualTo(1);
    assertThat(errText()).contains("unknown province 'atlantis'");
    assertThat(run("users", "disable", "lan", "--data", data)).isZero();
    assertThat(run("users", "list", "--data", data)).isZero();
    assertThat(text())
        .contains("lan (Nguyễn Thị Lan) roles=[analyst] province=ha-noi agency=- DISABLED");

    assertThat(run("db", "status", "--data", data)).isZero();
    assertThat(text())
        .contains("schema version: " + version + " (up to date)")
        .containsPattern("users\\s+1");

    assertThat(run("db", "verify-audit", "--data", data)).isZero();
    assertThat(text()).contains("audit log intact: 2 rows");

    Path backup = dir.resolve("backups/db.zip");
    assertThat(run("db", "backup", "--out", backup.toString(), "--data", data)).isZero();
    assertThat(Files.size(backup)).isPositive();

    Path export = dir.resolve("out/share.jsonl");
    assertThat(run("db", "export", "--since", "0", "--out", export.toString(), "--data", data))
        .isZero();
    assertThat(Files.readAllLines(export)).singleElement().asString().contains("\"type\":\"end\"");
    String other = dir.resolve("other").toString();
    assertThat(run("db", "import", export.toString(), "--origin", "qltt-ha-noi", "--data", other))
        .isZero();
    assertThat(text()).contains("0 new, 0 updated, 0 already there");
    Files.writeString(
        export,
        "{\"schema\":\"markwatch.share/1\",\"type\":\"decision\"}\n"
            + "{\"schema\":\"markwatch.share/1\",\"type\":\"end\",\"cursor\":1,\"records\":1}\n");
    assertThat(run("db", "import", export.toString(), "--origin", "qltt-ha-noi", "--data", other))
        .isEqualTo(3);
    assertThat(errText()).contains("share.jsonl:1: decisionKey: missing");

    // Someone edits a login row: verify-audit names it and exits 3.
    DatabaseSettings settings =
        DatabaseSettings.h2File(Path.of(data).toAbsolutePath().resolve("db"));
    try (Database db = Database.openWithoutMigrating(settings);
        Connection c = db.connection();
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");
    }
    assertThat(run("db", "verify-audit", "--data", data)).isEqualTo(3);
    assertThat(text()).contains("AUDIT LOG TAMPERED: audit row 2: edited");

    // The backup (taken before the edit) restores into a new database with its chain intact,
    // refuses a database that is not empty, and with --force replaces the tampered one.
    String restored = dir.resolve("restored").toString();
    assertThat(run("db", "restore", backup.toString(), "--data", restored)).isZero();
    assertThat(text()).contains("schema version " + version).contains("audit log intact: 2 rows");
    assertThat(run("db", "restore", backup.toString(), "--data", data)).isNotZero();
    assertThat(errText()).contains("is not empty").contains("--force");
    assertThat(run("db", "restore", backup.toString(), "--force", "--data", data)).isZero();
    assertThat(run("db", "verify-audit", "--data", data)).isZero();
    assertThat(text()).contains("audit log intact: 3 rows"); // the backup's 2 and the restore
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(args);
  }

  private int runWithInput(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    return run(args);
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
