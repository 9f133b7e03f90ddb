package org.markwatch.storage.users;

import java.time.Duration;

/**
 * Login throttling: after {@code maxFailures} failed logins in a row, the account is locked for
 * {@code lockout}, doubling for each further failure up to {@code maxLockout}.
 */
public record LoginPolicy(int maxFailures, Duration lockout, Duration maxLockout) {
  public static LoginPolicy standard() {
    return new LoginPolicy(5, Duration.ofMinutes(15), Duration.ofHours(24));
  }

  Duration lockoutAfter(int failuresInARow) {
    if (failuresInARow < maxFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failuresInARow - maxFailures, 20);
    Duration d = lockout.multipliedBy(1L << doublings);
    return d.compareTo(maxLockout) > 0 ? maxLockout : d;
  }
}
