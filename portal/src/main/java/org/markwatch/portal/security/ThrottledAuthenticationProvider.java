package org.markwatch.portal.security;

import java.time.Instant;
import javax.sql.DataSource;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The address throttle in front of the password check: the users table locks an account after
 * repeated failures, but one address trying many user names would never trip that, so an address
 * with too many recent failures is refused (and the refusal audited) before any password is
 * compared.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final DataSource dataSource;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwords,
      LoginThrottle throttle,
      AuditLog audit,
      DataSource dataSource) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
    this.dataSource = dataSource;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : "";
    Instant until = throttle.lockedUntil(user, address);
    if (until != null) {
      audit.appendNow(
          dataSource,
          user == null ? "?" : user,
          AuditAction.LOGIN_FAILED,
          user,
          "from=portal " + address + " throttled until " + until);
      throw new LockedException("too many failed logins; try again after " + until);
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      throttle.succeeded(user);
      return result;
    } catch (AuthenticationException e) {
      throttle.failed(user, address);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
