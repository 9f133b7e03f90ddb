package org.markwatch.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.markwatch.storage.Database;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.origin.CaseInvoice;
import org.markwatch.storage.origin.CodeCheck;
import org.markwatch.storage.origin.OriginStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code markwatch origin}: product origin (plan item 2.5). Brand owners' genuine products, their
 * codes (GTIN, serial ranges) and authorised sellers; e-invoice evidence on cases (tax code check
 * digit checked); a code verified as on the public site. Every registration is audited.
 */
@Command(
    name = "origin",
    mixinStandardHelpOptions = true,
    description =
        "Product origin: genuine products and codes, authorised sellers, case e-invoices.",
    subcommands = {
      OriginCommand.Product.class,
      OriginCommand.Gtin.class,
      OriginCommand.Serials.class,
      OriginCommand.Seller.class,
      OriginCommand.Invoice.class,
      OriginCommand.Verify.class
    })
final class OriginCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  interface Work {
    String run(OriginStore store);
  }

  static int run(DbOptions db, String what, Work work) {
    try (Database d = Database.open(db.settings())) {
      System.out.println(work.run(new OriginStore(d.dataSource())));
      return 0;
    } catch (StorageException | IllegalArgumentException e) {
      throw new CommandFailure("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  @Command(
      name = "product",
      mixinStandardHelpOptions = true,
      description = "Register a genuine product.")
  static final class Product implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Option(names = "--brand", required = true, description = "Brand id of the catalog.")
    String brand;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--owner", required = true, description = "The brand owner registering it.")
    String owner;

    @Override
    public Integer call() {
      return run(
          db,
          "register product " + id,
          s -> {
            s.registerProduct(id, brand, name, owner, DbOptions.actor());
            return "registered product " + id;
          });
    }
  }

  @Command(name = "gtin", mixinStandardHelpOptions = true, description = "Add a GTIN to a product.")
  static final class Gtin implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "PRODUCT")
    String product;

    @Parameters(index = "1", paramLabel = "GTIN")
    String gtin;

    @Override
    public Integer call() {
      return run(
          db,
          "add GTIN to " + product,
          s -> {
            s.addGtin(product, gtin, DbOptions.actor());
            return "added GTIN " + gtin + " to " + product;
          });
    }
  }

  @Command(
      name = "serials",
      mixinStandardHelpOptions = true,
      description = "Add a serial range (PREFIX FROM TO).")
  static final class Serials implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "PRODUCT")
    String product;

    @Parameters(index = "1", paramLabel = "PREFIX")
    String prefix;

    @Parameters(index = "2", paramLabel = "FROM")
    long from;

    @Parameters(index = "3", paramLabel = "TO")
    long to;

    @Override
    public Integer call() {
      return run(
          db,
          "add serials to " + product,
          s -> {
            s.addSerialRange(product, prefix, from, to, DbOptions.actor());
            return "added serials " + prefix + from + ".." + prefix + to + " to " + product;
          });
    }
  }

  @Command(
      name = "seller",
      mixinStandardHelpOptions = true,
      description = "Authorise a seller for a brand.")
  static final class Seller implements Callable<Integer> {
    @Mixin DbOptions db;

    @Option(names = "--brand", required = true)
    String brand;

    @Option(names = "--seller-id", description = "The crawler's seller id, e.g. shopee:shop:123.")
    String sellerId;

    @Option(names = "--host", description = "The shop's own host, e.g. store.example.vn.")
    String host;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--until", description = "Last day of the authorisation (yyyy-mm-dd).")
    String until;

    @Override
    public Integer call() {
      LocalDate u = until == null ? null : date("--until", until);
      return run(
          db,
          "authorise " + name,
          s -> {
            s.authoriseSeller(brand, sellerId, host, name, u, DbOptions.actor());
            return "authorised " + name + " for " + brand;
          });
    }
  }

  @Command(
      name = "invoice",
      mixinStandardHelpOptions = true,
      description = "Attach e-invoice evidence of origin to a case (tax code check digit checked).")
  static final class Invoice implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "CASE")
    String caseId;

    @Option(names = "--number", required = true, description = "Invoice number (1-8 digits).")
    String number;

    @Option(names = "--symbol", description = "Invoice symbol, e.g. 1C25TAA.")
    String symbol;

    @Option(
        names = "--seller-tax-code",
        required = true,
        description = "10 digits, or 10-3 for a branch.")
    String taxCode;

    @Option(names = "--date", required = true, description = "Invoice date (yyyy-mm-dd).")
    String date;

    @Option(names = "--note")
    String note;

    @Override
    public Integer call() {
      LocalDate d = date("--date", date);
      return run(
          db,
          "attach the invoice to case " + caseId,
          s -> {
            CaseInvoice i =
                s.addInvoice(caseId, number, symbol, taxCode, d, note, DbOptions.actor());
            return "case "
                + caseId
                + ": invoice "
                + (i.invoiceSymbol() == null ? "" : i.invoiceSymbol() + " ")
                + i.invoiceNo()
                + ", seller "
                + i.sellerTaxCode()
                + ", "
                + i.issuedOn();
          });
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify a product code.")
  static final class Verify implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Override
    public Integer call() {
      return run(
          db,
          "verify " + code,
          s -> {
            CodeCheck c = s.verify(code);
            return c.code()
                + ": "
                + c.outcome()
                + (c.productName() == null
                    ? ""
                    : " (" + c.productName() + ", " + c.ownerName() + ")");
          });
    }
  }

  static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandFailure(option + " " + text + ": expected a date as yyyy-mm-dd");
    }
  }
}
