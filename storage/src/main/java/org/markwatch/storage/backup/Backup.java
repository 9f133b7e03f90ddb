package org.markwatch.storage.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseSettings;
import org.markwatch.storage.DatabaseStatus;
import org.markwatch.storage.ListingStore;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.audit.AuditVerification;
import org.markwatch.storage.audit.AuditVerifier;

/**
 * A consistent copy of the database in one file: H2's online {@code BACKUP TO} (a zip of the
 * database file, taken while it is in use), or PostgreSQL's own {@code pg_dump --format=custom}
 * (restore with pg_restore); the password, if any, goes to pg_dump through PGPASSWORD, never the
 * command line. {@link #restore} reads either back into an empty database (or, with force, one
 * whose contents it replaces) and checks the audit chain it brought back.
 */
public final class Backup {
  private Backup() {}

  /** Writes the backup to {@code out} (replaced); returns its size in bytes. */
  public static long write(Database db, Path out) {
    Path target = out.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(target);
      if (db.settings().isPostgres()) {
        pgDump(db.settings(), target);
      } else {
        try (Connection c = db.connection();
            PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
          ps.setString(1, target.toString());
          ps.execute();
        }
      }
      return Files.size(target);
    } catch (SQLException e) {
      throw new StorageException(
          "cannot back up " + db.settings().url() + " to " + out + ": " + ListingStore.describe(e),
          e);
    } catch (IOException e) {
      throw new StorageException("cannot write the backup " + out + ": " + e.getMessage(), e);
    }
  }

  /** What a restore brought back. */
  public record Restored(
      String schemaVersion, List<String> pendingMigrations, AuditVerification audit) {}

  /**
   * Restores a backup written by {@link #write} into the database of {@code target}: an H2 zip into
   * an H2 file database, a pg_dump custom archive into a PostgreSQL database. The target must be
   * empty (no table) unless {@code force}, which deletes everything in it first (H2: its files;
   * PostgreSQL: its public schema). The PostgreSQL archive is restored in one transaction, so a
   * failing restore leaves nothing half-restored. Then the audit chain of the restored data is
   * verified and the restore appended to it (only when intact: a broken chain is left for the
   * investigator as it came).
   */
  public static Restored restore(DatabaseSettings target, Path file, boolean force, String actor) {
    if (!Files.isRegularFile(file)) {
      throw new StorageException(
          "backup file " + file + " not found (give the file db backup wrote)");
    }
    boolean pgArchive = startsWith(file, "PGDMP");
    boolean zip = startsWith(file, "PK");
    if (target.isPostgres() && !pgArchive) {
      throw new StorageException(
          file
              + " is not a pg_dump archive, and "
              + target.url()
              + " is PostgreSQL: restore an H2 backup (a zip) into an H2 database (--data)");
    }
    if (!target.isPostgres() && !zip) {
      throw new StorageException(
          file
              + " is not an H2 backup (a zip)"
              + (pgArchive
                  ? " but a pg_dump archive: set MARKWATCH_DB_URL to a PostgreSQL database"
                  : ""));
    }
    int tables = tables(target);
    if (tables > 0 && !force) {
      throw new StorageException(
          "the target database "
              + target.url().replaceAll(";.*$", "")
              + " is not empty ("
              + tables
              + " tables): restore into an empty database, or add --force to replace everything in it");
    }
    try {
      if (target.isPostgres()) {
        if (tables > 0) {
          dropPublicSchema(target);
        }
        pgRestore(target, file.toAbsolutePath());
      } else {
        h2Restore(target, file.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new StorageException("cannot restore " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new StorageException(
          "cannot restore " + file + " into " + target.url() + ": " + ListingStore.describe(e), e);
    }
    try (Database db = Database.openWithoutMigrating(target)) {
      DatabaseStatus status = DatabaseStatus.read(db.dataSource());
      AuditVerification audit = new AuditVerifier(db.dataSource()).verify();
      if (audit.intact()) {
        new AuditLog()
            .appendNow(
                db.dataSource(),
                actor,
                AuditAction.RESTORE,
                file.getFileName().toString(),
                "sha256=" + sha256(file) + (tables > 0 ? " replaced " + tables + " tables" : ""));
      }
      return new Restored(status.schemaVersion(), status.pending(), audit);
    }
  }

  /** Tables in the target's own schema (public); 0 for a new, empty database. */
  public static int tables(DatabaseSettings s) {
    try (Database db = Database.openWithoutMigrating(s);
        Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'");
        java.sql.ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new StorageException(
          "cannot read the target database " + s.url() + ": " + ListingStore.describe(e), e);
    }
  }

  private static void h2Restore(DatabaseSettings s, Path zip) throws IOException, SQLException {
    // jdbc:h2:file:<dir>/<name>;flags; the database is closed (tables() closed its pool, and H2
    // closes a database with its last connection)
    String path = s.url().substring("jdbc:h2:file:".length()).replaceAll(";.*$", "");
    Path db = Path.of(path);
    boolean hasDatabase;
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      hasDatabase = z.stream().anyMatch(e -> e.getName().endsWith(".mv.db"));
    }
    if (!hasDatabase) {
      throw new IOException(zip + " holds no H2 database file (*.mv.db): not a db backup");
    }
    Files.createDirectories(db.getParent());
    org.h2.tools.DeleteDbFiles.execute(
        db.getParent().toString(), db.getFileName().toString(), true);
    org.h2.tools.Restore.execute(
        zip.toString(), db.getParent().toString(), db.getFileName().toString());
  }

  private static void dropPublicSchema(DatabaseSettings s) throws SQLException {
    try (Database db = Database.openWithoutMigrating(s);
        Connection c = db.connection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
  }

  private static void pgRestore(DatabaseSettings s, Path file) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "pg_restore",
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                "--no-privileges"));
    cmd.addAll(connectionArgs(s, "--dbname"));
    cmd.add(file.toString());
    run(cmd, s, "pg_restore");
  }

  private static List<String> connectionArgs(DatabaseSettings s, String dbOption) {
    URI uri = URI.create(s.url().substring("jdbc:".length()));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--no-password",
                "--host",
                uri.getHost(),
                "--port",
                Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort())));
    if (!s.user().isEmpty()) {
      args.add("--username");
      args.add(s.user());
    }
    if (dbOption != null) {
      args.add(dbOption);
    }
    args.add(uri.getPath().substring(1));
    return args;
  }

  private static void run(List<String> cmd, DatabaseSettings s, String tool) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (!s.password().isEmpty()) {
      pb.environment().put("PGPASSWORD", s.password());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException(
          tool + " not found on PATH (install the PostgreSQL client tools): " + e.getMessage(), e);
    }
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
        throw new IOException(
            tool + " failed: " + output.lines().findFirst().orElse("exit " + p.exitValue()));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + tool + " ran", e);
    }
  }

  private static boolean startsWith(Path file, String magic) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(magic.length());
      return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals(magic);
    } catch (IOException e) {
      throw new StorageException("cannot read the backup file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Path file) {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new StorageException("cannot read the backup file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void pgDump(DatabaseSettings s, Path out) throws IOException {
    List<String> dump =
        new ArrayList<>(List.of("pg_dump", "--format=custom", "--file", out.toString()));
    dump.addAll(connectionArgs(s, null));
    run(dump, s, "pg_dump");
  }
}
