package org.markwatch.app;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.markwatch.model.progress.Progress;
import org.markwatch.storage.Database;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.sharing.ImportException;
import org.markwatch.storage.sharing.ImportResult;
import org.markwatch.storage.sharing.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code markwatch db import FILE --origin AGENCY}: idempotent, all or nothing, audited. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a markwatch.share/1 file another agency exported (JSON lines or CSV, as db export writes them).",
      "All or nothing: a malformed",
      "line is reported with its number and nothing is imported. Records are merged by natural key, so importing",
      "the same file again changes nothing. Audited with the file's SHA-256."
    })
final class DbImportCommand implements Callable<Integer> {
  @Mixin DbOptions db;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The .jsonl or .csv file an export wrote.")
  Path file;

  @Option(
      names = "--origin",
      required = true,
      paramLabel = "AGENCY",
      description =
          "Code of the agency the file comes from (lower case), recorded on what it brings.")
  String origin;

  @Override
  public Integer call() {
    // Progress counts the bytes read: the file is read and checked whole before anything is merged.
    try (Database d = Database.open(db.settings());
        Progress progress =
            Progress.onConsole("db import " + file.getFileName(), Files.size(file), "bytes");
        InputStream in =
            new BufferedInputStream(
                new FilterInputStream(Files.newInputStream(file)) {
                  @Override
                  public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                      progress.advance(1);
                    }
                    return b;
                  }

                  @Override
                  public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    if (n > 0) {
                      progress.advance(n);
                    }
                    return n;
                  }
                })) {
      ImportResult r =
          new Importer(d.dataSource()).importFile(file.toString(), in, origin, DbOptions.actor());
      System.out.printf(
          Locale.ROOT,
          "imported %s: %d new, %d updated, %d already there (audit row %d)%n",
          file,
          r.added(),
          r.updated(),
          r.unchanged(),
          r.auditSeq());
      return 0;
    } catch (ImportException e) {
      System.err.println(e.getMessage());
      return 3;
    } catch (StorageException e) {
      System.err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      System.err.println(file + ": cannot read: " + e.getMessage());
      return 1;
    }
  }
}
