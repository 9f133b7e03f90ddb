package org.markwatch.app.benchqueue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * CPU time spent by this JVM (the portal and the bench's clients) and by the PostgreSQL backends
 * serving the bench database, read before and after a scenario. Response times on a shared machine
 * move with the other workers' load; CPU per request barely does, so it is what compares two runs
 * (and says what 20 clients on 2 free CPUs would wait: about clients x CPU per request / CPUs).
 * PostgreSQL's share is read from {@code /proc} (Linux, server on this machine); elsewhere it is
 * reported as unknown.
 */
public final class CpuUse {
  /** CPU milliseconds at one moment: this JVM's, and each backend's by pid (-1: unreadable). */
  public record Snapshot(double jvmMillis, Map<Integer, Double> backendMillis) {}

  private static final double TICK_MILLIS = 10.0; // USER_HZ is 100 on Linux

  private final DataSource dataSource;

  public CpuUse(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** This JVM's CPU time so far in milliseconds, -1 when the JVM does not say. */
  public static double jvmMillis() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1e6
        : -1;
  }

  public Snapshot now() {
    double jvm = jvmMillis();
    Map<Integer, Double> backends = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        backends.put(rs.getInt(1), backendMillis(rs.getInt(1)));
      }
    } catch (SQLException e) {
      backends.put(-1, -1.0);
    }
    return new Snapshot(jvm, backends);
  }

  /** "cpu per request: jvm X ms, postgresql Y ms" between two snapshots, over n requests. */
  public static String perRequest(Snapshot before, Snapshot after, int requests) {
    double jvm = (after.jvmMillis() - before.jvmMillis()) / requests;
    double pg = 0;
    boolean known = true;
    for (Map.Entry<Integer, Double> e : after.backendMillis().entrySet()) {
      double was = before.backendMillis().getOrDefault(e.getKey(), 0.0);
      if (e.getValue() < 0 || was < 0) {
        known = false;
      }
      pg += e.getValue() - was;
    }
    return String.format(
        java.util.Locale.ROOT,
        "cpu per request: jvm (portal and clients) %.1f ms, postgresql %s",
        jvm,
        known ? String.format(java.util.Locale.ROOT, "%.1f ms", pg / requests) : "unknown");
  }

  private static double backendMillis(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
      // fields after the command, which is in parentheses and may hold spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MILLIS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
