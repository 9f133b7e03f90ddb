package org.markwatch.app;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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
      "Import a markwatch.share/1 JSON-lines file another agency exported. All or nothing: a malformed",
      "line is reported with its number and nothing is imported. Records are merged by natural key, so importing",
      "the same file again changes nothing. Audited with the file's SHA-256."
    })
final class DbImportCommand implements Callable<Integer> {
  @Mixin DbOptions db;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .jsonl file an export wrote.")
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
    try (Database d = Database.open(db.settings());
        InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
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
