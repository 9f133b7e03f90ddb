package org.markwatch.app.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs each source's {@code schedule:} (cron, Asia/Ho_Chi_Minh) through db-scheduler on the central
 * database (table {@code scheduled_tasks}, migration V31): one recurring task per source, named
 * {@code crawl:<source id>}. Any number of instances ({@code markwatch scheduler}, {@code serve
 * --scheduler}) may run against one database; db-scheduler lets exactly one of them pick an
 * execution (an update with a version check), and a picked execution whose instance stops
 * heart-beating is revived and run again by another.
 *
 * <p><b>Missed runs.</b> When no instance was up at a scheduled time, the execution stays due: the
 * first instance that comes up runs it once (never once per missed occurrence) if it is at most
 * {@code catchUp} late, and otherwise skips it with a notice; either way the next run is the next
 * occurrence of the cron expression after now.
 */
public final class CrawlSchedules implements AutoCloseable {
  /** Times in schedules and messages. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** One scheduled source: its id, cron expression and file (for messages). */
  public record Entry(String sourceId, String cron, String file) {
    public String taskName() {
      return "crawl:" + sourceId;
    }
  }

  /** What a due schedule runs: one crawl of the source. */
  @FunctionalInterface
  public interface Job {
    void run(String sourceId, Instant scheduledFor) throws Exception;
  }

  private final Scheduler scheduler;

  /**
   * @param name this instance's name in {@code scheduled_tasks.picked_by}
   * @param pollInterval how often the instance looks for due executions
   * @param catchUp a missed execution later than this is skipped
   * @throws IllegalArgumentException naming the file and source when a cron expression is invalid
   */
  public CrawlSchedules(
      DataSource dataSource,
      List<Entry> entries,
      Job job,
      String name,
      Duration pollInterval,
      Duration catchUp,
      Clock clock,
      PrintStream log) {
    List<RecurringTask<Void>> tasks = new ArrayList<>();
    for (Entry e : entries) {
      Schedule schedule = schedule(e);
      tasks.add(
          Tasks.recurring(e.taskName(), schedule)
              .execute(
                  (instance, context) -> {
                    Instant due = context.getExecution().executionTime;
                    Instant now = clock.instant();
                    if (Duration.between(due, now).compareTo(catchUp) > 0) {
                      log.println(
                          "markwatch scheduler: "
                              + e.sourceId()
                              + ": the run due at "
                              + format(due)
                              + " was missed by more than "
                              + catchUp.toHours()
                              + " h; skipped, next: "
                              + format(
                                  schedule.getNextExecutionTime(
                                      com.github.kagkarlsson.scheduler.task.ExecutionComplete
                                          .simulatedSuccess(now))));
                      return;
                    }
                    log.println(
                        "markwatch scheduler: "
                            + e.sourceId()
                            + ": crawl due at "
                            + format(due)
                            + " starts on "
                            + name);
                    try {
                      job.run(e.sourceId(), due);
                    } catch (Exception failure) {
                      throw new IllegalStateException(
                          "scheduled crawl of " + e.sourceId() + " failed: " + failure, failure);
                    }
                  }));
    }
    this.scheduler =
        Scheduler.create(dataSource)
            .startTasks(tasks)
            .schedulerName(new SchedulerName.Fixed(name))
            .pollingInterval(pollInterval)
            .heartbeatInterval(
                pollInterval.multipliedBy(5).compareTo(Duration.ofMinutes(5)) > 0
                    ? Duration.ofMinutes(5)
                    : pollInterval.multipliedBy(5))
            .threads(Math.max(1, Math.min(4, tasks.size())))
            .registerShutdownHook()
            .build();
  }

  /** The cron schedule of an entry, or an error naming its file and source. */
  public static Schedule schedule(Entry e) {
    try {
      return Schedules.cron(e.cron(), ZONE);
    } catch (RuntimeException bad) {
      throw new IllegalArgumentException(
          e.file()
              + ": source "
              + e.sourceId()
              + ": schedule '"
              + e.cron()
              + "' is not a valid cron expression (second minute hour day month weekday): "
              + bad.getMessage());
    }
  }

  /** When the entry runs next after {@code now}. */
  public static Instant next(Entry e, Instant now) {
    return schedule(e)
        .getNextExecutionTime(
            com.github.kagkarlsson.scheduler.task.ExecutionComplete.simulatedSuccess(now));
  }

  /** A time as people here read it. */
  public static String format(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE).format(t);
  }

  public void start() {
    scheduler.start();
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
