package org.markwatch.app;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.markwatch.storage.Database;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.users.ApiClient;
import org.markwatch.storage.users.ApiClientStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code markwatch api-clients add|list|revoke}: the agencies' machine clients of {@code /api/v1}.
 * The token is printed once, at creation; only its SHA-256 is stored. Every change is audited.
 */
@Command(
    name = "api-clients",
    mixinStandardHelpOptions = true,
    description = {
      "Clients of the agencies' API (/api/v1): add (prints the token once), list, revoke.",
      "Scopes: violators:read, cases:read, listings:read, tips:write."
    },
    subcommands = {
      ApiClientsCommand.Add.class,
      ApiClientsCommand.ListCmd.class,
      ApiClientsCommand.Revoke.class
    })
final class ApiClientsCommand implements Runnable {
  static final List<String> SCOPES =
      List.of("violators:read", "cases:read", "listings:read", "tips:write");

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Add a client; prints its token once.")
  static final class Add implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "ID", description = "Short id, e.g. qltt-hanoi.")
    String id;

    @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Who it is.")
    String name;

    @Option(
        names = "--scope",
        required = true,
        split = ",",
        paramLabel = "SCOPE",
        description = "violators:read, cases:read, listings:read, tips:write (comma separated).")
    List<String> scopes;

    @Option(
        names = "--province",
        paramLabel = "CODE",
        description =
            "Limit the client to one province (`markwatch db provinces`); omit for national.")
    String province;

    @Option(names = "--agency", paramLabel = "CODE", description = "The client's agency code.")
    String agency;

    @Option(
        names = "--days",
        paramLabel = "N",
        description = "Token valid for N days (default: ${DEFAULT-VALUE}; 0 = no expiry).",
        defaultValue = "365")
    int days;

    @Override
    public Integer call() {
      for (String s : scopes) {
        if (!SCOPES.contains(s)) {
          throw new CommandFailure(
              "--scope " + s + ": expected one of " + String.join(", ", SCOPES));
        }
      }
      if (!id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
        throw new CommandFailure(
            "client id '" + id + "': lower-case letters, digits and dashes, 2 to 64 characters");
      }
      try (Database d = Database.open(db.settings())) {
        Instant expires = days <= 0 ? null : Instant.now().plus(Duration.ofDays(days));
        ApiClientStore.Created created =
            new ApiClientStore(d.dataSource())
                .create(
                    id,
                    name,
                    agency,
                    province,
                    new LinkedHashSet<>(scopes),
                    expires,
                    DbOptions.actor());
        System.out.println("added " + describe(created.client()));
        System.out.println("token (shown once, keep it secret): " + created.token());
        return 0;
      } catch (StorageException | IllegalArgumentException e) {
        throw new CommandFailure(
            "cannot add API client "
                + id
                + ": "
                + e.getMessage()
                + (String.valueOf(e.getMessage()).contains("province")
                    ? " (see `markwatch db provinces`)"
                    : ""),
            e);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the clients.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        List<ApiClient> clients = new ApiClientStore(d.dataSource()).list();
        if (clients.isEmpty()) {
          System.out.println(
              "no API clients (add one with `markwatch api-clients add ID --name ... --scope ...`)");
        }
        clients.forEach(c -> System.out.println(describe(c)));
        return 0;
      } catch (StorageException e) {
        throw new CommandFailure(e.getMessage(), e);
      }
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a client's token now.")
  static final class Revoke implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        new ApiClientStore(d.dataSource()).revoke(id, DbOptions.actor());
        System.out.println("revoked " + id);
        return 0;
      } catch (StorageException | IllegalArgumentException e) {
        throw new CommandFailure("cannot revoke API client " + id + ": " + e.getMessage(), e);
      }
    }
  }

  static String describe(ApiClient c) {
    return c.id()
        + "  "
        + c.name()
        + "  scopes="
        + String.join(",", c.scopes().stream().sorted().toList())
        + "  "
        + (c.provinceCode() == null ? "national" : "province=" + c.provinceCode())
        + (c.revokedAt() != null ? "  REVOKED " + c.revokedAt() : "")
        + (c.expiresAt() != null ? "  expires " + c.expiresAt() : "")
        + (c.lastUsedAt() != null ? "  last used " + c.lastUsedAt() : "");
  }
}
