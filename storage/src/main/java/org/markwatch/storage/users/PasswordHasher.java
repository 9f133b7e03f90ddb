package org.markwatch.storage.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (Password4j), stored as PHC strings ({@code $argon2id$v=19$m=...}), so a
 * later change of cost parameters still verifies old hashes. Default cost: OWASP's recommendation
 * (19 MiB, 2 iterations, 1 lane).
 */
public final class PasswordHasher {
  public static final int MIN_LENGTH = 12;

  private final Argon2Function function;

  public PasswordHasher() {
    this(19 * 1024, 2);
  }

  /** A cheaper cost for tests and the demo; never for production users. */
  public static PasswordHasher fast() {
    return new PasswordHasher(1024, 1);
  }

  public PasswordHasher(int memoryKib, int iterations) {
    this.function = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID, 19);
  }

  public String hash(CharSequence password) {
    return Password.hash(password).addRandomSalt(16).with(function).getResult();
  }

  public boolean verify(CharSequence password, String storedHash) {
    if (storedHash == null || !storedHash.startsWith("$argon2")) {
      return false;
    }
    return Password.check(password, storedHash)
        .with(Argon2Function.getInstanceFromHash(storedHash));
  }

  /** Refuses a password too short to resist guessing, saying what to do. */
  public static void checkStrength(CharSequence password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "password too short: use at least " + MIN_LENGTH + " characters");
    }
  }
}
