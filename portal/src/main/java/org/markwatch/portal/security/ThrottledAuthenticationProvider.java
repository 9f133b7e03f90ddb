package org.markwatch.portal.security;

import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login through the throttle: a locked-out user name or address is refused before the
 * password is even compared, and every failure is counted and reported to {@link LoginEvents}.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final LoginEvents events;

  ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, LoginEvents events) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.events = events;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
    Instant until = throttle.lockedUntil(user, address);
    if (until != null) {
      events.failed(user, address, "locked out until " + until);
      throw new LockedException("too many failed logins; try again after " + until);
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      throttle.succeeded(user);
      events.succeeded(user, address);
      return result;
    } catch (AuthenticationException e) {
      throttle.failed(user, address);
      events.failed(user, address, e.getClass().getSimpleName());
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
