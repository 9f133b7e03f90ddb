package org.markwatch.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A continuous {@link ScoringJob} while it runs on its local MiniCluster. {@link #counters()} reads
 * its counters as of the TaskManager's last heartbeat (every 2 s); {@link #stop()} drains it: the
 * source stops, every waiting batch is scored and stored, and the final counters come back as a
 * {@link JobReport}.
 */
public final class RunningScoringJob implements AutoCloseable {
  /** How long {@link #stop()} waits for the job to drain before cancelling it, in seconds. */
  static final long STOP_TIMEOUT_SECONDS = 60;

  private static final Logger LOG = LoggerFactory.getLogger(RunningScoringJob.class);

  private final StreamExecutionEnvironment env;
  private final JobClient client;
  private final java.util.function.BiFunction<Map<String, Object>, Duration, JobReport> toReport;
  private final Runnable afterStop;
  private final long started = System.nanoTime();
  private JobReport report;

  RunningScoringJob(
      StreamExecutionEnvironment env,
      JobClient client,
      java.util.function.BiFunction<Map<String, Object>, Duration, JobReport> toReport,
      Runnable afterStop) {
    this.env = env;
    this.client = client;
    this.toReport = toReport;
    this.afterStop = afterStop;
  }

  /**
   * The job's counters now (names in {@link Counters}), as of the last heartbeat; empty before the
   * first.
   */
  public Map<String, Object> counters() {
    try {
      return client.getAccumulators().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailedException("interrupted while reading the job's counters", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new JobFailedException("cannot read the running job's counters: " + e.getMessage(), e);
    }
  }

  /** One counter of {@link #counters()}, 0 when not reported yet. */
  public long counter(String name) {
    Object v = counters().get(name);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** Configurations taken up while running, summed over the scoring subtasks. */
  public long rulesReloaded() {
    return counter(Counters.RULES_RELOADED);
  }

  /**
   * Catalog facts (observed prices, authorised sellers) taken up from the database, summed over the
   * scoring subtasks, those read at the start included.
   */
  public long factsApplied() {
    return counter(Counters.FACTS_APPLIED);
  }

  /** Changed configurations refused while running, summed over the scoring subtasks. */
  public long rulesRefused() {
    return counter(Counters.RULES_REFUSED);
  }

  /** The job's state (RUNNING until stopped or failed). */
  public JobStatus status() {
    try {
      return client.getJobStatus().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailedException("interrupted while reading the job's status", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new JobFailedException("cannot read the job's status: " + e.getMessage(), e);
    }
  }

  /**
   * Blocks until the job ends: returns when it was stopped ({@link #stop()}, e.g. from a shutdown
   * hook), throws when it failed, so a command waiting on it can exit with an error status.
   *
   * @throws JobFailedException with the root cause when the job failed or was cancelled
   */
  public void await() throws InterruptedException {
    try {
      client.getJobExecutionResult().get();
    } catch (ExecutionException e) {
      throw new JobFailedException(
          "the scoring job ended with an error: " + ScoringJob.rootMessage(e), e);
    }
  }

  /**
   * Stops the job after draining it (stop-with-savepoint into a temporary directory, deleted
   * after): whatever was read is scored and stored. Cancels it when draining fails or takes longer
   * than {@value #STOP_TIMEOUT_SECONDS} s; the upserts are idempotent, so the next run over the
   * same spool rewrites the same rows. Idempotent.
   */
  public synchronized JobReport stop() {
    if (report != null) {
      return report;
    }
    Map<String, Object> last = Map.of();
    Path savepoints = null;
    try {
      savepoints = Files.createTempDirectory("markwatch-stop-");
      client
          .stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
          .get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      last =
          client
              .getJobExecutionResult()
              .get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .getAllAccumulatorResults();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn(
          "could not drain the scoring job ({}); cancelling it, counters as of the last heartbeat",
          e.toString());
      last = safeCounters();
      try {
        client.cancel().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // already ended
      }
    } finally {
      try {
        env.close();
      } catch (Exception ignored) {
        // the MiniCluster is gone either way
      }
      deleteQuietly(savepoints);
    }
    afterStop.run();
    report = toReport.apply(last, Duration.ofNanos(System.nanoTime() - started));
    return report;
  }

  @Override
  public void close() {
    stop();
  }

  private Map<String, Object> safeCounters() {
    try {
      return counters();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  private static long n(Map<String, Object> m, String name) {
    Object v = m.get(name);
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** Deletes a temporary directory and what it holds, ignoring what cannot be deleted. */
  static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (Exception ignored) {
      // a temporary directory
    }
  }
}
