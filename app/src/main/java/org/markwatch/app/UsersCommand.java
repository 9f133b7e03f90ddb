package org.markwatch.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.markwatch.storage.Database;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.User;
import org.markwatch.storage.users.UserStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code markwatch users add|list|disable|enable|reset}. Passwords are never command-line arguments
 * (other users of the machine can read those): they are typed twice at the console, or read from
 * the first line of standard input with {@code --password-stdin}.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Portal users: add, list, disable, enable, reset (password). Every change is audited.",
      "Passwords: typed at the console, or the first line of standard input with --password-stdin; at least 12 characters."
    },
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListCmd.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.Reset.class
    })
final class UsersCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
  static final class Add implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(
        names = "--role",
        required = true,
        split = ",",
        paramLabel = "ROLE",
        description =
            "analyst, supervisor, operator, admin, agency_client, brand_owner (comma separated for several).")
    List<String> roles;

    @Option(
        names = "--province",
        paramLabel = "CODE",
        description =
            "The user's province (see `markwatch db provinces`); omit for a national user.")
    String province;

    @Option(names = "--agency", paramLabel = "CODE", description = "The user's agency code.")
    String agency;

    @Option(
        names = "--name",
        paramLabel = "TEXT",
        description = "Display name (default: the username).")
    String name;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(
        names = "--must-change",
        description = "The user must change the password at first login.")
    boolean mustChange;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        roles.forEach(r -> parsed.add(Role.parse(r)));
        NewUser u = new NewUser(username, name, agency, province, parsed);
        char[] password = readPassword(passwordStdin);
        User added =
            new UserStore(d.dataSource())
                .add(u, new String(password), mustChange, DbOptions.actor());
        Arrays.fill(password, '\0');
        System.out.println("added " + describe(added));
        return 0;
      } catch (StorageException | IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        List<User> users = new UserStore(d.dataSource()).list();
        if (users.isEmpty()) {
          System.out.println("no users (add one with `markwatch users add NAME --role admin`)");
        }
        users.forEach(u -> System.out.println(describe(u)));
        return 0;
      } catch (StorageException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a user: no more logins.")
  static final class Disable implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      return setDisabled(db, username, true);
    }
  }

  @Command(
      name = "enable",
      mixinStandardHelpOptions = true,
      description = "Enable a disabled user again.")
  static final class Enable implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      return setDisabled(db, username, false);
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description =
          "Set a new password (clears failed logins and lockout); the user must change it at next login.")
  static final class Reset implements Callable<Integer> {
    @Mixin DbOptions db;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      try (Database d = Database.open(db.settings())) {
        char[] password = readPassword(passwordStdin);
        User u =
            new UserStore(d.dataSource())
                .resetPassword(username, new String(password), true, DbOptions.actor());
        Arrays.fill(password, '\0');
        System.out.println("password reset: " + describe(u));
        return 0;
      } catch (StorageException | IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 1;
      }
    }
  }

  private static int setDisabled(DbOptions db, String username, boolean disabled) {
    try (Database d = Database.open(db.settings())) {
      User u = new UserStore(d.dataSource()).setDisabled(username, disabled, DbOptions.actor());
      System.out.println((disabled ? "disabled " : "enabled ") + describe(u));
      return 0;
    } catch (StorageException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }

  static String describe(User u) {
    return String.format(
        Locale.ROOT,
        "%s (%s) roles=%s province=%s agency=%s%s%s",
        u.username(),
        u.displayName(),
        u.roles().stream().map(Role::sql).sorted().toList(),
        u.provinceCode() == null ? "national" : u.provinceCode(),
        u.agencyCode() == null ? "-" : u.agencyCode(),
        u.disabled() ? " DISABLED" : "",
        u.lockedUntil() != null ? " locked until " + u.lockedUntil() : "");
  }

  static char[] readPassword(boolean fromStdin) {
    if (fromStdin) {
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw new IllegalArgumentException(
              "--password-stdin: standard input is empty; pipe the password as its first line");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "--password-stdin: cannot read standard input: " + e.getMessage());
      }
    }
    java.io.Console console = System.console();
    if (console == null) {
      throw new IllegalArgumentException(
          "no console to type the password at: use --password-stdin");
    }
    char[] first = console.readPassword("password: ");
    char[] again = console.readPassword("again: ");
    if (first == null || !Arrays.equals(first, again)) {
      throw new IllegalArgumentException("the two passwords differ");
    }
    return first;
  }
}
