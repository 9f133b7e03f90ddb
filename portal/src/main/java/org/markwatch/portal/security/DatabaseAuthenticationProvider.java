package org.markwatch.portal.security;

import java.util.List;
import org.markwatch.storage.users.LoginResult;
import org.markwatch.storage.users.User;
import org.markwatch.storage.users.UserStore;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login against the users table ({@link UserStore}: Argon2id hashes, per-account lockout
 * after repeated failures, every attempt audited, the failed ones as {@code login_failed}).
 */
final class DatabaseAuthenticationProvider implements AuthenticationProvider {
  private final UserStore users;

  DatabaseAuthenticationProvider(UserStore users) {
    this.users = users;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String address =
        authentication.getDetails() instanceof WebAuthenticationDetails d
            ? d.getRemoteAddress()
            : "?";
    Object credentials = authentication.getCredentials();
    LoginResult result =
        users.authenticate(
            authentication.getName(),
            credentials == null ? "" : credentials.toString(),
            "portal " + address);
    return switch (result.outcome()) {
      case SUCCESS -> token(result.user());
      case LOCKED -> throw new LockedException("locked until " + result.lockedUntil());
      case DISABLED -> throw new DisabledException("account disabled");
      case BAD_CREDENTIALS -> throw new BadCredentialsException("wrong user name or password");
    };
  }

  static UsernamePasswordAuthenticationToken token(User user) {
    List<SimpleGrantedAuthority> roles =
        user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    return UsernamePasswordAuthenticationToken.authenticated(PortalPrincipal.of(user), null, roles);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
