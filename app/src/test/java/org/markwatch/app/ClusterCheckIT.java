package org.markwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cluster integration check in CI: runs {@code scripts/cluster-check 4000} (a Flink session
 * cluster from Maven's jars as separate processes, a Kafka broker process, a fresh PostgreSQL
 * database; the TaskManager is killed with {@code kill -9} mid-stream and a new one started; every
 * listing and verdict must then be stored exactly once) against the jars this build made ({@code
 * app/target/markwatch.jar} for the broker, {@code pipeline/target/*-job.jar} for the job, so it
 * lives in the app module, which is packaged after both). Everything on free loopback ports and in
 * its own directories under {@code app/target/cluster-it}, so it never meets a cluster or broker an
 * operator runs on 8081/19092. On failure the script's output is the message.
 *
 * <p>The script cleans up after itself (cancels the job, stops the cluster and the broker, drops
 * the database) even when its check fails; should it hang, it is stopped after {@link
 * #PATIENCE_SECONDS} (TERM: its trap cleans up), and whatever it started that is still alive is
 * then killed by process id (its process tree, the cluster's and broker's pid files), and its
 * database dropped.
 */
class ClusterCheckIT {
  /** The check's listings: enough to be mid-stream at the kill, few enough for CI. */
  static final int COUNT = 4000;

  /** The whole check, cluster start to clean-up, must end within this. */
  static final long PATIENCE_SECONDS = 300;

  @Test
  void killingTheTaskManagerMidStreamLosesAndDoublesNothing() throws Exception {
    Path root = repoRoot();
    Path appJar = root.resolve("app/target/markwatch.jar");
    assertThat(appJar).as("the app jar (mvn package -pl app -am)").isRegularFile();
    assertThat(jobJar(root)).as("the lean job jar in pipeline/target").isNotNull();
    Path base = root.resolve("app/target/cluster-it");
    Path home = base.resolve("flink");
    Path work = base.resolve("work");
    Files.createDirectories(work);
    Path output = base.resolve("output.log");
    int[] ports = freePorts(3);

    ProcessBuilder pb =
        new ProcessBuilder("bash", root.resolve("scripts/cluster-check").toString(), "" + COUNT)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> env = pb.environment();
    env.put("CHECK_SKIP_BUILD", "1");
    env.put("CHECK_WORK", work.toString());
    env.put("CHECK_KAFKA_PORT", String.valueOf(ports[0]));
    env.put("CHECK_TIMEOUT", "180");
    env.put("FLINK_REST_PORT", String.valueOf(ports[1]));
    env.put("FLINK_RPC_PORT", String.valueOf(ports[2]));
    env.put("FLINK_CLUSTER_HOME", home.toString());
    // Flink's jars are copied from Maven once and kept where scripts/flink-cluster keeps them
    env.put("FLINK_CLUSTER_LIB", root.resolve("target/flink-cluster/lib").toString());
    String shared = System.getProperty("markwatch.shared");
    if (shared != null && !shared.isBlank()) {
      env.put("MARKWATCH_SHARED", Path.of(shared).toAbsolutePath().normalize().toString());
    }

    long started = System.nanoTime();
    Process check = pb.start();
    Set<ProcessHandle> spawned = new HashSet<>();
    boolean ended;
    try {
      ended = waitCollecting(check, PATIENCE_SECONDS, spawned);
      if (!ended) {
        check.destroy(); // TERM: the script's trap cancels the job and stops what it started
        ended = waitCollecting(check, 90, spawned);
      }
    } finally {
      if (check.isAlive()) {
        check.destroyForcibly();
        check.waitFor(10, TimeUnit.SECONDS);
      }
      killLeftovers(spawned, home.resolve("run"), work.resolve("broker.pid"));
      dropDatabase("markwatch_ck_" + check.pid());
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(printed);
    System.out.println("cluster check: " + seconds + " s");
    if (!ended) {
      fail("scripts/cluster-check did not end within %d s:%n%s", PATIENCE_SECONDS, printed);
    }
    if (check.exitValue() != 0) {
      fail("scripts/cluster-check failed (exit %d):%n%s", check.exitValue(), printed);
    }
    assertThat(printed).contains("1 passed, 0 failed");
  }

  /**
   * Waits for the script, remembering the processes it starts on the way (the JobManager and
   * TaskManagers it leaves running in the background are reparented when their shell ends).
   */
  private static boolean waitCollecting(Process p, long seconds, Set<ProcessHandle> seen)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      p.descendants().forEach(seen::add);
      if (p.waitFor(1, TimeUnit.SECONDS)) {
        return true;
      }
    }
    return false;
  }

  /** Kills, by process id, what the check started and left alive. */
  private static void killLeftovers(Set<ProcessHandle> seen, Path runDir, Path brokerPid)
      throws IOException, InterruptedException {
    List<ProcessHandle> alive = new ArrayList<>();
    seen.stream().filter(ProcessHandle::isAlive).forEach(alive::add);
    List<Path> pidFiles = new ArrayList<>();
    if (Files.isDirectory(runDir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
        files.forEach(pidFiles::add);
      }
    }
    if (Files.isRegularFile(brokerPid)) {
      pidFiles.add(brokerPid);
    }
    for (Path f : pidFiles) {
      try {
        long pid = Long.parseLong(Files.readString(f).strip());
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(alive::add);
      } catch (NumberFormatException e) {
        // a half-written pid file: nothing to kill by it
      }
      Files.deleteIfExists(f);
    }
    for (ProcessHandle h : alive) {
      h.destroyForcibly();
    }
    for (ProcessHandle h : alive) {
      h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
    }
  }

  private static void dropDatabase(String name) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (Exception e) {
      System.err.println("could not drop database " + name + ": " + e.getMessage());
    }
  }

  private static Path jobJar(Path root) throws IOException {
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(root.resolve("pipeline/target"), "markwatch-pipeline-*-job.jar")) {
      for (Path p : jars) {
        return p;
      }
    }
    return null;
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("scripts/cluster-check"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root with scripts/cluster-check").isNotNull();
    return dir;
  }

  /** Distinct free loopback ports, away from 8081, 6123 and 19092 by being OS-chosen. */
  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }
}
