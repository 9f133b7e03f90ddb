package org.markwatch.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing from one address: after {@value #MAX_FAILURES} failed logins within
 * {@link #WINDOW} from it, whatever the user names, further attempts are refused without checking a
 * password until {@link #LOCKOUT} has passed since the last failure. (One account's own lockout is
 * the users table's, shared by every portal node.) Kept in memory: a restart clears it, which is
 * acceptable for a temporary throttle; every failure is also in the audit log.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCKOUT = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** The time the throttle of this address ends, or null when it may try. */
  public Instant lockedUntil(String username, String address) {
    return lockedUntil("ip:" + address, clock.instant());
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.clear(); // a flood of made-up names: forget rather than grow without bound
    }
    record("ip:" + address, now);
  }

  public void succeeded(String username) {
    // an address's failures are not forgiven by one success: a guesser may own one account
  }

  private void record(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
      while (times.size() > MAX_FAILURES) {
        times.removeFirst();
      }
    }
  }

  private Instant lockedUntil(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return null;
    }
    synchronized (times) {
      if (times.size() < MAX_FAILURES || times.peekFirst().isBefore(now.minus(WINDOW))) {
        return null;
      }
      Instant until = times.peekLast().plus(LOCKOUT);
      return until.isAfter(now) ? until : null;
    }
  }
}
