package org.markwatch.crawler.documents;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents parsed in child JVMs ({@link DocumentWorker}) so a hostile one can exhaust only a
 * child's heap or hang only a child: each child has a bounded heap ({@code -Xmx}, ended at once on
 * {@code OutOfMemoryError}), the same {@link DocumentLimits} inside (bytes, time, characters, zip
 * bombs, nesting), and a hard wall-time limit from here (the parse's time limit plus a margin):
 * past it the child is killed with its descendants (Tesseract). A child that dies, is killed or
 * asks to be replaced is started again for the next document; the document that caused it gets a
 * one-line reason. Children are reused across documents (a JVM with Tika loaded takes 1-3 s to
 * start) and stopped after a while unused. The language of the text is detected here, in the
 * calling process, so a child's small heap holds no language model.
 *
 * <p>Tika's own {@code org.apache.tika.fork.ForkParser} is not used: it serialises the parser and
 * the {@code ParseContext} to its child, where our limits live in objects that are not serialisable
 * (the embedded-file extractor counting unpacked bytes), and streams every SAX event back one call
 * at a time; a small child of our own jar keeps all the limits as they are.
 *
 * <p>If no child can be started (no {@code java} binary, a class path that cannot be read by a new
 * process), documents are parsed in this process by {@link DocumentParser} on a thread, with a note
 * in their reason saying so; a start is tried again after {@link Settings#retryStartMs}.
 * Thread-safe; at most {@link Settings#children} parses at once.
 */
public final class ForkedDocumentParser implements DocumentReader {
  private static final Logger LOG = LoggerFactory.getLogger(ForkedDocumentParser.class);
  private static final int STDERR_TAIL = 2_000;

  /**
   * How children are run.
   *
   * @param heapMb {@code -Xmx} of a child
   * @param children children (parses at once)
   * @param startTimeoutMs a child not ready within this (JVM and Tika loaded) counts as not started
   * @param marginMs added to the parse time limit for the hard limit enforced from outside
   * @param idleStopMs a child unused this long is stopped (0 = never)
   * @param retryStartMs after a failed start, documents are parsed in-process this long
   * @param java the {@code java} binary
   * @param classPath the class path of a child (this process's, by default)
   * @param environment added to a child's environment (e.g. its {@code PATH}, where tesseract is
   *     looked for)
   */
  public record Settings(
      int heapMb,
      int children,
      long startTimeoutMs,
      long marginMs,
      long idleStopMs,
      long retryStartMs,
      String java,
      String classPath,
      Map<String, String> environment) {

    public Settings {
      environment = Map.copyOf(environment);
    }

    /** 256 MiB heap, 2 children, 60 s to start, 10 s margin, stopped after 2 min unused. */
    public static Settings defaults() {
      return new Settings(
          256,
          2,
          60_000,
          10_000,
          120_000,
          600_000,
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          System.getProperty("java.class.path"),
          Map.of());
    }

    public Settings withHeapMb(int mb) {
      return new Settings(
          mb,
          children,
          startTimeoutMs,
          marginMs,
          idleStopMs,
          retryStartMs,
          java,
          classPath,
          environment);
    }

    public Settings withChildren(int n) {
      return new Settings(
          heapMb,
          n,
          startTimeoutMs,
          marginMs,
          idleStopMs,
          retryStartMs,
          java,
          classPath,
          environment);
    }

    public Settings withMarginMs(long ms) {
      return new Settings(
          heapMb,
          children,
          startTimeoutMs,
          ms,
          idleStopMs,
          retryStartMs,
          java,
          classPath,
          environment);
    }

    public Settings withEnvironment(Map<String, String> env) {
      return new Settings(
          heapMb,
          children,
          startTimeoutMs,
          marginMs,
          idleStopMs,
          retryStartMs,
          java,
          classPath,
          env);
    }

    public Settings withJava(String path) {
      return new Settings(
          heapMb,
          children,
          startTimeoutMs,
          marginMs,
          idleStopMs,
          retryStartMs,
          path,
          classPath,
          environment);
    }
  }

  private final DocumentLimits limits;
  private final Settings settings;
  private final BlockingQueue<Slot> idle;
  private final List<Slot> all = new ArrayList<>();
  private final ScheduledExecutorService timer;
  private final AtomicInteger starts = new AtomicInteger();
  private volatile long inProcessUntilNanos;
  private volatile String startProblem;
  private DocumentParser inProcess;

  public ForkedDocumentParser(DocumentLimits limits, Settings settings) {
    this.limits = limits;
    this.settings = settings;
    this.idle = new ArrayBlockingQueue<>(settings.children());
    for (int i = 0; i < settings.children(); i++) {
      Slot s = new Slot();
      all.add(s);
      idle.add(s);
    }
    AtomicInteger n = new AtomicInteger();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "markwatch-document-fork-timer-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    if (settings.idleStopMs() > 0) {
      long every = Math.max(1_000, settings.idleStopMs() / 4);
      timer.scheduleWithFixedDelay(this::stopIdle, every, every, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public DocumentLimits limits() {
    return limits;
  }

  /** Children started so far (the first ones and every restart). */
  public int starts() {
    return starts.get();
  }

  @Override
  public ParsedDocument parse(byte[] bytes, String name) {
    if (bytes.length > limits.maxInputBytes()) {
      return ParsedDocument.failed(
          ParsedDocument.Status.REFUSED,
          null,
          "larger than " + limits.maxInputBytes() + " bytes: " + bytes.length);
    }
    Slot slot;
    try {
      slot = idle.poll(limits.timeoutMs(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ParsedDocument.failed(ParsedDocument.Status.TIMEOUT, null, "interrupted");
    }
    if (slot == null) {
      return ParsedDocument.failed(
          ParsedDocument.Status.TIMEOUT, null, "no parser process free within the time limit");
    }
    try {
      if (slot.child == null || !slot.child.usable()) {
        slot.child = null;
        if (System.nanoTime() - inProcessUntilNanos < 0) {
          return inProcess(bytes, name);
        }
        try {
          slot.child = start();
        } catch (IOException e) {
          startProblem = e.getMessage();
          inProcessUntilNanos =
              System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.retryStartMs());
          LOG.warn(
              "the forked document parser could not start ({}); documents are parsed in this"
                  + " process for the next {} s",
              startProblem,
              settings.retryStartMs() / 1000);
          return inProcess(bytes, name);
        }
      }
      Child child = slot.child;
      ParsedDocument d = child.call(bytes, name);
      if (!child.usable() || child.replace) {
        child.kill();
        slot.child = null;
      }
      return DocumentLanguage.tag(d);
    } finally {
      slot.lastUsedNanos = System.nanoTime();
      idle.offer(slot);
    }
  }

  private ParsedDocument inProcess(byte[] bytes, String name) {
    DocumentParser p;
    synchronized (this) {
      if (inProcess == null) {
        inProcess = new DocumentParser(limits, settings.children());
      }
      p = inProcess;
    }
    ParsedDocument d = p.parse(bytes, name);
    String note =
        "parsed in the crawler's process (no heap limit of its own): the forked parser could not"
            + " start: "
            + startProblem;
    return new ParsedDocument(
        d.status(),
        d.contentType(),
        d.text(),
        d.language(),
        d.truncated(),
        d.embedded(),
        d.reason() == null ? note : d.reason() + "; " + note);
  }

  private Child start() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(settings.java());
    command.add("-Xmx" + settings.heapMb() + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-XX:+UseSerialGC");
    // the VM's own messages (the OutOfMemoryError it ends on) go to stderr, not into the channel
    command.add("-XX:+DisplayVMOutputToStderr");
    command.add("-Djava.awt.headless=true");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-cp");
    command.add(settings.classPath());
    command.add(DocumentWorker.class.getName());
    command.addAll(limits.toArguments());
    ProcessBuilder pb = new ProcessBuilder(command);
    // Tesseract's OpenMP threads would oversubscribe two cores shared with the crawl
    pb.environment().put("OMP_THREAD_LIMIT", "1");
    pb.environment().putAll(settings.environment());
    long t0 = System.nanoTime();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot run " + settings.java() + ": " + e.getMessage(), e);
    }
    starts.incrementAndGet();
    Child child = new Child(process);
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> watchdog =
        timer.schedule(
            () -> {
              late.set(true);
              child.kill();
            },
            settings.startTimeoutMs(),
            TimeUnit.MILLISECONDS);
    try {
      int ready = child.in.readInt();
      if (ready != DocumentWorker.READY) {
        throw new IOException("unexpected greeting " + Integer.toHexString(ready));
      }
    } catch (IOException e) {
      String why =
          late.get()
              ? "not ready within " + settings.startTimeoutMs() + " ms"
              : "exit code " + child.exitCode() + ": " + lastLine(child.stderrTail());
      child.kill();
      throw new IOException("the parser process did not start (" + why + ")", e);
    } finally {
      watchdog.cancel(false);
    }
    LOG.info(
        "document parser process {} ready in {} ms",
        process.pid(),
        (System.nanoTime() - t0) / 1_000_000);
    return child;
  }

  /** Stops children unused for {@link Settings#idleStopMs} (they hold 100+ MB each). */
  private void stopIdle() {
    long now = System.nanoTime();
    for (Slot s : all) {
      if (idle.remove(s)) {
        try {
          if (s.child != null
              && now - s.lastUsedNanos > TimeUnit.MILLISECONDS.toNanos(settings.idleStopMs())) {
            s.child.kill();
            s.child = null;
          }
        } finally {
          idle.offer(s);
        }
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    for (Slot s : all) {
      if (s.child != null) {
        s.child.kill();
      }
    }
    synchronized (this) {
      if (inProcess != null) {
        inProcess.close();
      }
    }
  }

  private static final class Slot {
    Child child;
    long lastUsedNanos = System.nanoTime();
  }

  /** One child process and its pipes. */
  private final class Child {
    final Process process;
    final DataInputStream in;
    final DataOutputStream out;
    final StringBuilder stderr = new StringBuilder();
    final Thread drain;
    boolean replace;
    volatile boolean killed;

    Child(Process process) {
      this.process = process;
      this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
      this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.drain =
          Thread.ofPlatform()
              .daemon()
              .name("markwatch-document-fork-stderr-" + process.pid())
              .start(() -> drain(process.getErrorStream()));
    }

    /** One document: the child's answer, or why there is none (the child is then gone). */
    ParsedDocument call(byte[] bytes, String name) {
      long hardMs = limits.timeoutMs() + settings.marginMs();
      AtomicBoolean timedOut = new AtomicBoolean();
      ScheduledFuture<?> watchdog =
          timer.schedule(
              () -> {
                timedOut.set(true);
                kill();
              },
              hardMs,
              TimeUnit.MILLISECONDS);
      try {
        out.writeInt(DocumentWorker.PARSE);
        DocumentWorker.writeString(out, name);
        DocumentWorker.writeBytes(out, bytes);
        out.flush();
        int op = in.readInt();
        if (op != DocumentWorker.RESULT) {
          throw new IOException("the parser process answered garbage");
        }
        ParsedDocument.Status status = ParsedDocument.Status.values()[in.readByte()];
        String contentType = DocumentWorker.readString(in);
        String text = DocumentWorker.readString(in);
        String reason = DocumentWorker.readString(in);
        boolean truncated = in.readBoolean();
        int embedded = in.readInt();
        replace = in.readBoolean();
        if (replace) {
          reason =
              (reason == null ? "" : reason + "; ")
                  + "the parse ignored its time limit: its process was ended and restarted";
        }
        return new ParsedDocument(status, contentType, text, null, truncated, embedded, reason);
      } catch (IOException | RuntimeException e) {
        if (timedOut.get()) {
          kill();
          return ParsedDocument.failed(
              ParsedDocument.Status.TIMEOUT,
              null,
              "the parser process did not answer within "
                  + hardMs
                  + " ms and was killed (restarted for the next document)");
        }
        int code = exitCode(); // a child that answered garbage is given time to end by itself
        kill();
        String tail = stderrTail();
        if (code == 3 || tail.contains("OutOfMemoryError")) {
          return ParsedDocument.failed(
              ParsedDocument.Status.REFUSED,
              null,
              "out of memory: the parse needed more than the parser process's "
                  + settings.heapMb()
                  + " MiB heap; that process ended and was restarted");
        }
        return ParsedDocument.failed(
            ParsedDocument.Status.FAILED,
            null,
            "the parser process crashed (exit code "
                + code
                + (tail.isEmpty() ? "" : ": " + lastLine(tail))
                + "); restarted");
      } finally {
        watchdog.cancel(false);
      }
    }

    /** Alive and never killed (a killed process may still look alive for a moment). */
    boolean usable() {
      return !killed && process.isAlive();
    }

    void kill() {
      killed = true;
      // Tesseract runs as a child of the child: it goes too
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    int exitCode() {
      try {
        if (process.waitFor(5, TimeUnit.SECONDS)) {
          drain.join(1_000); // the last lines of stderr (an OutOfMemoryError's) are read
          return process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }

    private void drain(InputStream err) {
      byte[] buf = new byte[4096];
      try (err) {
        for (int n; (n = err.read(buf)) > 0; ) {
          String s = new String(buf, 0, n, StandardCharsets.UTF_8);
          LOG.debug("document parser {}: {}", process.pid(), s.strip());
          synchronized (stderr) {
            stderr.append(s);
            if (stderr.length() > 2 * STDERR_TAIL) {
              stderr.delete(0, stderr.length() - STDERR_TAIL);
            }
          }
        }
      } catch (IOException e) {
        // the child is gone
      }
    }

    String stderrTail() {
      synchronized (stderr) {
        String s = stderr.toString().strip();
        return s.length() <= STDERR_TAIL ? s : s.substring(s.length() - STDERR_TAIL);
      }
    }
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    String l = lines[lines.length - 1].strip();
    return l.length() <= 200 ? l : l.substring(0, 200);
  }
}
