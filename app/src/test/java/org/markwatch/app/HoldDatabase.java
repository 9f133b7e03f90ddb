package org.markwatch.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.markwatch.storage.DatabaseSettings;

/**
 * A second process that holds the embedded H2 database of a data directory open, as a running
 * {@code markwatch demo} does: prints "holding" once it has the file lock and keeps it until its
 * standard input closes.
 */
public final class HoldDatabase {
  private HoldDatabase() {}

  public static void main(String[] args) throws Exception {
    DatabaseSettings db = DatabaseSettings.h2File(Path.of(args[0]));
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS held (id INT)");
      System.out.println("holding");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the parent closes our stdin (or dies)
      }
    }
  }
}
