package org.markwatch.app;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The passwords of the portal's two logins, {@code analyst} and {@code operator}, settled when a
 * command starts rather than when the portal does (which for {@code demo} is after the crawl and
 * the scoring): {@code MARKWATCH_ANALYST_PASSWORD} / {@code MARKWATCH_OPERATOR_PASSWORD} when set,
 * else a one-time password printed at once on the console. Never through logging: log files are
 * collected and kept.
 *
 * @param passwords login name to password, handed to the portal as its properties
 */
public record PortalLogins(Map<String, String> passwords) {
  public static final String[] USERS = {"analyst", "operator"};

  public PortalLogins {
    passwords =
        Collections.unmodifiableMap(new LinkedHashMap<>(passwords)); // analyst first, as printed
  }

  /** The configured passwords, and a printed one-time password for each login without one. */
  public static PortalLogins settle(Map<String, String> env, PrintStream console) {
    SecureRandom random = new SecureRandom();
    Map<String, String> passwords = new LinkedHashMap<>();
    for (String user : USERS) {
      String variable = variable(user);
      String configured = env.get(variable);
      if (configured != null && !configured.isBlank()) {
        passwords.put(user, configured);
        continue;
      }
      byte[] bytes = new byte[12];
      random.nextBytes(bytes);
      String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      console.printf(
          "Portal login '%s' uses the one-time password %s (set %s to choose one)%n",
          user, generated, variable);
      passwords.put(user, generated);
    }
    console.flush();
    return new PortalLogins(passwords);
  }

  /** The environment variable (and portal property) that holds the password of {@code user}. */
  public static String variable(String user) {
    return "MARKWATCH_" + user.toUpperCase(Locale.ROOT) + "_PASSWORD";
  }

  /** As portal properties: the portal reads {@code ${MARKWATCH_<USER>_PASSWORD}}. */
  Map<String, String> asProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    passwords.forEach((user, password) -> properties.put(variable(user), password));
    return properties;
  }
}
