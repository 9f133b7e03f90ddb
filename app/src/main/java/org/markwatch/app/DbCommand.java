package org.markwatch.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.markwatch.storage.Database;
import org.markwatch.storage.DatabaseStatus;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.audit.AuditVerification;
import org.markwatch.storage.audit.AuditVerifier;
import org.markwatch.storage.backup.Backup;
import org.markwatch.storage.jurisdiction.Province;
import org.markwatch.storage.jurisdiction.ProvinceDirectory;
import org.markwatch.storage.users.FirstAdmin;
import org.markwatch.storage.users.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code markwatch db ...}: the central database's schema, state, audit chain, backups and sharing.
 */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = {
      "The central database: migrate, status, verify-audit, backup, restore, export, import, provinces.",
      "Database: MARKWATCH_DB_URL (+ MARKWATCH_DB_USER, MARKWATCH_DB_PASSWORD), else the embedded H2 database under --data."
    },
    subcommands = {
      DbCommand.Migrate.class,
      DbCommand.Status.class,
      DbCommand.VerifyAudit.class,
      DbCommand.BackupCmd.class,
      DbCommand.RestoreCmd.class,
      DbExportCommand.class,
      DbImportCommand.class,
      DbCommand.Provinces.class
    })
final class DbCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = {
        "Apply pending schema migrations. With MARKWATCH_ADMIN_USER and MARKWATCH_ADMIN_PASSWORD set and",
        "no user yet, also creates that first admin (who must change the password at first login)."
      })
  static final class Migrate implements Callable<Integer> {
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (Database d = Database.openWithoutMigrating(db.settings())) {
        int applied = d.migrate();
        DatabaseStatus s = DatabaseStatus.read(d.dataSource());
        System.out.printf(
            Locale.ROOT,
            "applied %d migration(s); schema version %s%n",
            applied,
            s.schemaVersion());
        FirstAdmin.ensure(new UserStore(d.dataSource()), System.getenv())
            .ifPresent(
                u ->
                    System.out.println(
                        "created the first admin '"
                            + u.username()
                            + "' from "
                            + FirstAdmin.ENV_USER
                            + "/"
                            + FirstAdmin.ENV_PASSWORD));
        return 0;
      } catch (StorageException | IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Schema version, pending migrations, rows per table, reviews per state, current ruleset.")
  static final class Status implements Callable<Integer> {
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (Database d = Database.openWithoutMigrating(db.settings())) {
        DatabaseStatus s = DatabaseStatus.read(d.dataSource());
        System.out.println("database: " + DbExportCommand.withoutParameters(db.settings().url()));
        System.out.println(
            "schema version: "
                + s.schemaVersion()
                + (s.pending().isEmpty()
                    ? " (up to date)"
                    : ", pending: "
                        + String.join(", ", s.pending())
                        + " (run `markwatch db migrate`)"));
        s.rows().forEach((t, n) -> System.out.printf(Locale.ROOT, "  %-22s %,d%n", t, n));
        if (!s.reviewStates().isEmpty()) {
          System.out.println("reviews: " + s.reviewStates());
        }
        System.out.println(
            "current ruleset: " + (s.currentRuleset() == null ? "none" : s.currentRuleset()));
        return 0;
      } catch (StorageException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "verify-audit",
      mixinStandardHelpOptions = true,
      description = {
        "Check the audit log's hash chain; report the first row that was edited, deleted or reordered.",
        "Exit status 0 when intact, 3 when tampered with, 1 when the database cannot be read."
      })
  static final class VerifyAudit implements Callable<Integer> {
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (Database d = Database.openWithoutMigrating(db.settings())) {
        AuditVerification v = new AuditVerifier(d.dataSource()).verify();
        if (v.intact()) {
          System.out.printf(
              Locale.ROOT, "audit log intact: %,d rows, chain and head agree%n", v.rows());
          return 0;
        }
        System.out.println("AUDIT LOG TAMPERED: " + v.describe().orElseThrow());
        return 3;
      } catch (StorageException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "backup",
      mixinStandardHelpOptions = true,
      description = {
        "Write a consistent backup: H2 -> a zip of the database file (online BACKUP TO);",
        "PostgreSQL -> pg_dump --format=custom (restore with pg_restore). Audited."
      })
  static final class BackupCmd implements Callable<Integer> {
    @Mixin DbOptions db;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        required = true,
        description = "Backup file to write (replaced).")
    Path out;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        long bytes = Backup.write(d, out);
        new AuditLog()
            .appendNow(
                d.dataSource(),
                DbOptions.actor(),
                AuditAction.BACKUP,
                out.getFileName().toString(),
                bytes + " bytes");
        System.out.printf(Locale.ROOT, "backup written: %s (%,d bytes)%n", out, bytes);
        return 0;
      } catch (StorageException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Restore a backup written by db backup into the database (H2 zip -> the H2 database under --data;",
        "pg_dump archive -> MARKWATCH_DB_URL). Refuses a database that is not empty unless --force.",
        "Then verifies the restored audit chain and records the restore in it.",
        "Exit status 0 when restored with an intact chain, 3 when the chain is not intact."
      })
  static final class RestoreCmd implements Callable<Integer> {
    @Mixin DbOptions db;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The backup.")
    Path file;

    @Option(
        names = "--force",
        description = "Replace everything in a database that is not empty (it is deleted first).")
    boolean force;

    @Override
    public Integer call() {
      Backup.Restored r;
      try {
        r = Backup.restore(db.settings(), file, force, DbOptions.actor());
      } catch (StorageException e) {
        throw new CommandFailure(e.getMessage(), e);
      }
      System.out.printf(
          Locale.ROOT,
          "restored %s into %s: schema version %s%s%n",
          file,
          DbExportCommand.withoutParameters(db.settings().url()),
          r.schemaVersion(),
          r.pendingMigrations().isEmpty()
              ? ""
              : " (older than this markwatch: run `markwatch db migrate`)");
      if (r.audit().intact()) {
        System.out.printf(
            Locale.ROOT, "audit log intact: %,d rows, chain and head agree%n", r.audit().rows());
        return 0;
      }
      System.out.println("AUDIT LOG TAMPERED: " + r.audit().describe().orElseThrow());
      return 3;
    }
  }

  @Command(
      name = "provinces",
      mixinStandardHelpOptions = true,
      description =
          "The 34 province codes in force since 1 July 2025, with the former provinces merged into each.")
  static final class Provinces implements Callable<Integer> {
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        for (Province p : new ProvinceDirectory(d.dataSource()).list()) {
          System.out.printf(
              Locale.ROOT,
              "%-13s %-14s %-8s %s%n",
              p.code(),
              p.name(),
              p.kind(),
              String.join(", ", p.formerNames()));
        }
        return 0;
      } catch (StorageException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }
}
