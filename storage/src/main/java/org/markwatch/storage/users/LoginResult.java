package org.markwatch.storage.users;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of a login. A wrong password and an unknown user give the same outcome ({@code
 * BAD_CREDENTIALS}) so the answer does not tell which user names exist.
 */
public record LoginResult(Outcome outcome, User user, Instant lockedUntil) {
  public enum Outcome {
    SUCCESS,
    BAD_CREDENTIALS,
    LOCKED,
    DISABLED
  }

  public boolean success() {
    return outcome == Outcome.SUCCESS;
  }

  public Optional<User> signedIn() {
    return success() ? Optional.of(user) : Optional.empty();
  }
}
