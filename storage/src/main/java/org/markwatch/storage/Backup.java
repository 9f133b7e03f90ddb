package org.markwatch.storage;

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

/**
 * A consistent copy of the database in one file: H2's online {@code BACKUP TO} (a zip of the
 * database file, taken while it is in use), or PostgreSQL's own {@code pg_dump --format=custom}
 * (restore with pg_restore); the password, if any, goes to pg_dump through PGPASSWORD, never the
 * command line.
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

  private static void pgDump(DatabaseSettings s, Path out) throws IOException {
    URI uri = URI.create(s.url().substring("jdbc:".length()));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "pg_dump",
                "--format=custom",
                "--no-password",
                "--file",
                out.toString(),
                "--host",
                uri.getHost(),
                "--port",
                Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort())));
    if (!s.user().isEmpty()) {
      cmd.add("--username");
      cmd.add(s.user());
    }
    cmd.add(uri.getPath().substring(1));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (!s.password().isEmpty()) {
      pb.environment().put("PGPASSWORD", s.password());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException(
          "pg_dump not found on PATH (install the PostgreSQL client tools): " + e.getMessage(), e);
    }
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
        throw new IOException(
            "pg_dump failed: " + output.lines().findFirst().orElse("exit " + p.exitValue()));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pg_dump ran", e);
    }
  }
}
