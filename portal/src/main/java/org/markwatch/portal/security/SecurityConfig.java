package org.markwatch.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.users.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Login (users from the database, see {@link DatabaseAuthenticationProvider}), roles on every route
 * and browser hardening. Roles: ANALYST reviews; SUPERVISOR also sees who has what and reassigns;
 * OPERATOR and ADMIN read everything an analyst reads; BRAND_OWNER registers the origin data of its
 * brands ({@code /origin}) and reads nothing else; AGENCY_CLIENT (a partner agency's machine
 * client) has no page here. Anything not listed is refused.
 */
@Configuration
public class SecurityConfig {
  /** No inline script or style anywhere: scraped text can never become active content. */
  public static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  public static final String[] READERS = {"ANALYST", "SUPERVISOR", "OPERATOR", "ADMIN"};
  static final String[] REVIEWERS = {"ANALYST", "SUPERVISOR"};

  /** Who writes, publishes and withdraws consumer warnings for the public site. */
  static final String[] WARNING_AUTHORS = {"SUPERVISOR", "OPERATOR", "ADMIN"};

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager logins)
      throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/error",
                        "/portal.css",
                        "/portal.js",
                        "/favicon.ico",
                        "/favicon.svg")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/review/**")
                    .hasAnyRole(REVIEWERS)
                    .requestMatchers("/origin/owners/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/origin", "/origin/**")
                    .hasAnyRole("OPERATOR", "ADMIN", "BRAND_OWNER")
                    .requestMatchers("/warnings", "/warnings/**")
                    .hasAnyRole(WARNING_AUTHORS)
                    .requestMatchers("/team", "/team/**")
                    .hasAnyRole("SUPERVISOR", "ADMIN")
                    .requestMatchers(
                        "/",
                        "/queue",
                        "/queue/**",
                        "/listing",
                        "/listing/**",
                        "/seller",
                        "/seller/**",
                        "/case",
                        "/case/**",
                        "/cases",
                        "/evidence/**",
                        "/mine")
                    .hasAnyRole(READERS)
                    .anyRequest()
                    .denyAll())
        .authenticationManager(logins)
        .formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .referrerPolicy(
                        ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .permissionsPolicyHeader(
                        p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                    .crossOriginOpenerPolicy(c -> {})
                    .crossOriginResourcePolicy(c -> {})
                    .frameOptions(frame -> frame.deny()));
    return http.build();
  }

  /**
   * After signing in: the page asked for, else the queue; a brand owner, who cannot read the queue,
   * its origin page.
   */
  static final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {
    LandingPage() {
      setDefaultTargetUrl("/queue");
    }

    @Override
    protected String determineTargetUrl(
        HttpServletRequest request, HttpServletResponse response, Authentication auth) {
      return CurrentViewer.of(auth).reads() ? "/queue" : "/origin";
    }
  }

  @Bean
  LoginThrottle loginThrottle() {
    return new LoginThrottle(Clock.systemUTC());
  }

  @Bean
  AuthenticationManager logins(UserStore users, LoginThrottle throttle, DataSource dataSource) {
    return new ProviderManager(
        List.of(
            new ThrottledAuthenticationProvider(
                new DatabaseAuthenticationProvider(users), throttle, new AuditLog(), dataSource)));
  }

  @Bean
  UserStore userStore(DataSource dataSource) {
    return new UserStore(dataSource);
  }
}
