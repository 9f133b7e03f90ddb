package org.markwatch.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.markwatch.app.casepack.CasePack;
import org.markwatch.storage.Database;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.cases.CaseRecord;
import org.markwatch.storage.cases.CaseStore;
import org.markwatch.storage.jurisdiction.Jurisdiction;
import org.markwatch.storage.jurisdiction.OutOfJurisdictionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code markwatch case create|add|list|pack|verify}: cases and their evidence packs for referrals.
 */
@Command(
    name = "case",
    mixinStandardHelpOptions = true,
    description = "Cases: listings and sellers grouped for a referral; the evidence pack for it.",
    subcommands = {
      CaseCommand.Create.class,
      CaseCommand.Add.class,
      CaseCommand.ListCmd.class,
      CaseCommand.Pack.class,
      CaseCommand.Verify.class
    })
final class CaseCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Open a case (audited).")
  static final class Create implements Callable<Integer> {
    @Mixin DbOptions db;

    @Option(
        names = "--id",
        paramLabel = "ID",
        description = "Case id, e.g. HN-2026-0001 (default: generated).")
    String id;

    @Option(names = "--title", required = true, paramLabel = "TEXT")
    String title;

    @Option(
        names = "--province",
        paramLabel = "CODE",
        description = "The case's province (see `markwatch db provinces`).")
    String province;

    @Option(
        names = "--listing",
        paramLabel = "ID",
        description = "Listing ids to put in the case (repeatable).")
    List<String> listings = List.of();

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        CaseStore cases = new CaseStore(d.dataSource());
        Jurisdiction who = Jurisdiction.national(DbOptions.actor());
        CaseRecord k = cases.create(who, id, title, province, null, null);
        if (!listings.isEmpty()) {
          k = cases.addListings(who, k.id(), listings);
        }
        System.out.printf(
            Locale.ROOT,
            "case %s: %d listings, %d sellers%n",
            k.id(),
            k.listingIds().size(),
            k.sellerIds().size());
        return 0;
      } catch (StorageException | IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add listings (and their sellers) to a case.")
  static final class Add implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "CASE")
    String caseId;

    @Parameters(index = "1..*", paramLabel = "LISTING")
    List<String> listings;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        CaseRecord k =
            new CaseStore(d.dataSource())
                .addListings(Jurisdiction.national(DbOptions.actor()), caseId, listings);
        System.out.printf(
            Locale.ROOT,
            "case %s: %d listings, %d sellers%n",
            k.id(),
            k.listingIds().size(),
            k.sellerIds().size());
        return 0;
      } catch (StorageException | IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the cases, newest first.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        for (CaseRecord k :
            new CaseStore(d.dataSource()).list(Jurisdiction.national(DbOptions.actor()))) {
          System.out.printf(
              Locale.ROOT,
              "%s  %-8s %-12s %d listings, %d actions  %s%n",
              k.id(),
              k.status(),
              k.provinceCode() == null ? "-" : k.provinceCode(),
              k.listingIds().size(),
              k.actions().size(),
              k.title());
        }
        return 0;
      } catch (StorageException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "pack",
      mixinStandardHelpOptions = true,
      description = {
        "Write a case's evidence pack for a referral: one zip with a PDF summary (listings, sellers,",
        "signals, decisions, actions), the raw pages and screenshots named by their SHA-256, and manifest.json.",
        "Audited as an export."
      })
  static final class Pack implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "ID")
    String caseId;

    @Option(names = "--out", paramLabel = "FILE", description = "Zip to write (default: ID.zip).")
    Path out;

    @Option(
        names = "--evidence",
        paramLabel = "DIR",
        description = "Evidence directory (default: DATA/evidence).")
    Path evidence;

    @Option(
        names = "--province",
        paramLabel = "CODE",
        description = "Act as a user of this province (default: national).")
    String province;

    @Override
    public Integer call() {
      Path target = out != null ? out : Path.of(caseId.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip");
      Path evidenceDir = evidence != null ? evidence : db.data.toAbsolutePath().resolve("evidence");
      try (Database d = Database.open(db.settings())) {
        CasePack.Result r =
            CasePack.write(
                d,
                new Jurisdiction(DbOptions.actor(), province),
                caseId,
                evidenceDir,
                target,
                Instant.now());
        System.out.printf(
            Locale.ROOT,
            "%s: %d listings, %d pages, %d screenshots%s; sha256 %s%n",
            r.file(),
            r.listings(),
            r.pages(),
            r.screenshots(),
            r.missingEvidence() == 0
                ? ""
                : ", " + r.missingEvidence() + " evidence files not found under " + evidenceDir,
            r.sha256());
        return 0;
      } catch (StorageException
          | IllegalArgumentException
          | OutOfJurisdictionException
          | java.io.UncheckedIOException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check every file of an evidence pack against its manifest (exit 3 when one differs).")
  static final class Verify implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path pack;

    @Override
    public Integer call() {
      List<String> problems = CasePack.verify(pack);
      if (problems.isEmpty()) {
        System.out.println(pack + ": every file matches the manifest");
        return 0;
      }
      problems.forEach(System.out::println);
      return 3;
    }
  }
}
