package org.markwatch.portal.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markwatch.storage.users.NewUser;
import org.markwatch.storage.users.Role;
import org.markwatch.storage.users.UserStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's accounts (only with {@code markwatch.users=demo}, which the demo command sets):
 * national users analyst, supervisor and operator, created in the users table or given a new
 * password at every start. Each password comes from {@code MARKWATCH_<USER>_PASSWORD} or, unset, is
 * a one-time random one printed on the console, so nothing secret is in the repository or in log
 * files. Outside the demo there is no account until {@code markwatch users add} makes one.
 */
@Component
@ConditionalOnProperty(name = "markwatch.users", havingValue = "demo")
class DemoAccounts implements ApplicationRunner {
  static final Map<String, Set<Role>> ACCOUNTS =
      Map.of(
          "analyst", Set.of(Role.ANALYST),
          "supervisor", Set.of(Role.SUPERVISOR, Role.ANALYST),
          "operator", Set.of(Role.OPERATOR));

  private final UserStore users;
  private final Environment env;

  DemoAccounts(UserStore users, Environment env) {
    this.users = users;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String name : new java.util.TreeSet<>(ACCOUNTS.keySet())) {
      String password =
          orGenerated(
              name,
              env.getProperty("MARKWATCH_" + name.toUpperCase(Locale.ROOT) + "_PASSWORD", ""));
      if (users.find(name).isPresent()) {
        users.resetPassword(name, password, false, "demo");
      } else {
        users.add(new NewUser(name, name, null, null, ACCOUNTS.get(name)), password, false, "demo");
      }
    }
  }

  private static String orGenerated(String user, String configured) {
    if (!configured.isBlank()) {
      return configured;
    }
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    // Straight to the operator's console, never through logging: log files are collected and kept.
    System.err.printf(
        "Portal login '%s' uses the one-time password %s (set MARKWATCH_%s_PASSWORD to choose one)%n",
        user, generated, user.toUpperCase(Locale.ROOT));
    return generated;
  }
}
