package org.markwatch.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.markwatch.model.progress.Progress;
import org.markwatch.storage.Database;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.sharing.ExportResult;
import org.markwatch.storage.sharing.Exporter;
import org.markwatch.storage.sharing.ShareFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code markwatch db export}: confirmed violators, cases and decisions changed since a cursor. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export confirmed violators, cases and decisions changed after --since (the cursor the previous",
      "export printed; 0 = everything) for another agency. Format markwatch.share/1, documented as JSON Schema in",
      "storage/src/main/resources/schema/share.schema.json. Both end with the end record and both import (`markwatch db import`); csv opens in spreadsheets. Audited."
    })
final class DbExportCommand implements Callable<Integer> {
  @Mixin DbOptions db;

  @Option(
      names = "--since",
      paramLabel = "CURSOR",
      defaultValue = "0",
      description =
          "Export what changed after this cursor (default: ${DEFAULT-VALUE}, everything).")
  long since;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
  ShareFormat.Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "File to write (default: standard output).")
  Path out;

  @Option(
      names = "--province",
      paramLabel = "CODE",
      description =
          "Export only what a user of this province may see (default: national, everything).")
  String province;

  @Override
  public Integer call() {
    if (since < 0) {
      System.err.println(
          "--since must be a cursor printed by a previous export (0 or more), got " + since);
      return 2;
    }
    Jurisdiction who = new Jurisdiction(DbOptions.actor(), province);
    // Progress on standard error (standard output may be the export itself); an export reads
    // everything in one transaction, so it ticks rather than counts.
    try (Database d = Database.open(db.settings());
        Progress progress = Progress.ticking("db export")) {
      ExportResult r;
      if (out == null) {
        OutputStream stdout = new BufferedOutputStream(System.out);
        r = new Exporter(d.dataSource()).export(who, since, format, stdout);
        stdout.flush();
      } else {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".export-", ".tmp");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
          r = new Exporter(d.dataSource()).export(who, since, format, o);
        } catch (RuntimeException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      System.err.printf(
          Locale.ROOT,
          "exported %d violators, %d cases, %d decisions%s; next time: --since %d%n",
          r.violators(),
          r.cases(),
          r.decisions(),
          out == null ? "" : " to " + out,
          r.cursor());
      return 0;
    } catch (StorageException | IOException | java.io.UncheckedIOException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  /** The database URL without H2 flags or query parameters (which may carry credentials). */
  static String withoutParameters(String url) {
    int cut = url.length();
    for (char c : new char[] {';', '?'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return url.substring(0, cut);
  }
}
