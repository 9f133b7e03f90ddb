package org.markwatch.storage.users;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first administrator, from the environment: when no user exists yet and both {@code
 * MARKWATCH_ADMIN_USER} and {@code MARKWATCH_ADMIN_PASSWORD} are set, that admin is created
 * (national, must change the password at first login). There is no default password: without the
 * variables nobody is created, and {@code markwatch users add} is the other way.
 */
public final class FirstAdmin {
  public static final String ENV_USER = "MARKWATCH_ADMIN_USER";
  public static final String ENV_PASSWORD = "MARKWATCH_ADMIN_PASSWORD";

  private FirstAdmin() {}

  /**
   * @return the admin created, or empty when users exist or the variables are not both set
   */
  public static Optional<User> ensure(UserStore users, Map<String, String> env) {
    String name = env.get(ENV_USER);
    String password = env.get(ENV_PASSWORD);
    if (name == null
        || name.isBlank()
        || password == null
        || password.isEmpty()
        || users.count() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        users.add(
            new NewUser(name.strip(), "Administrator", null, null, Set.of(Role.ADMIN)),
            password,
            true,
            "environment:" + ENV_USER));
  }
}
