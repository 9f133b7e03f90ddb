package org.markwatch.portal.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long operator work (a backtest, applying a publication to stored listings) runs here, one job at
 * a time on one thread, so two operators cannot load the database twice over and a request never
 * waits for it. Each job's progress is kept in memory for the console; the last 20 are listed.
 */
public final class OpsJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsJobs.class);
  private static final int KEEP = 20;

  /** One job: what, by whom, how far. */
  public static final class Job {
    private final String id;
    private final String what;
    private final String by;
    private final Instant queuedAt = Instant.now();
    private final AtomicLong done = new AtomicLong();
    private volatile String status = "queued";
    private volatile String outcome;

    Job(String id, String what, String by) {
      this.id = id;
      this.what = what;
      this.by = by;
    }

    public String id() {
      return id;
    }

    public String what() {
      return what;
    }

    public String by() {
      return by;
    }

    public Instant queuedAt() {
      return queuedAt;
    }

    public long done() {
      return done.get();
    }

    public String status() {
      return status;
    }

    public String outcome() {
      return outcome;
    }

    public void advance(long n) {
      done.addAndGet(n);
    }

    public void outcome(String text) {
      outcome = text;
    }
  }

  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "markwatch-ops-jobs");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());

  /** Queues work; its failure is kept as the job's outcome (and logged). */
  public Job submit(String id, String what, String by, Consumer<Job> work) {
    Job job = new Job(id, what, by);
    synchronized (jobs) {
      jobs.put(id, job);
      while (jobs.size() > KEEP) {
        jobs.remove(jobs.keySet().iterator().next());
      }
    }
    executor.submit(
        () -> {
          job.status = "running";
          try {
            work.accept(job);
            job.status = "finished";
          } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.toString());
            job.outcome = String.valueOf(e.getMessage());
            job.status = "failed";
          }
        });
    return job;
  }

  /** Runs {@code work} on the jobs thread after the jobs queued before it; not listed. */
  public void later(Runnable work) {
    executor.submit(work);
  }

  /** The newest first. */
  public List<Job> recent() {
    synchronized (jobs) {
      List<Job> out = new ArrayList<>(jobs.values());
      Collections.reverse(out);
      return out;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
