package org.markwatch.portal.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Login, roles and browser hardening. Every page needs a login; the analyst password comes from
 * the environment ({@code MARKWATCH_ANALYST_PASSWORD}) and, when unset, a one-time random password
 * is generated and printed on the console at start so nothing secret lives in the repository or
 * in log files.
 */
@Configuration
class SecurityConfig {
  /** No inline script or style anywhere: scraped text can never become active content. */
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/login", "/error", "/portal.css").permitAll()
            .requestMatchers("/evidence/**").hasAnyRole("ANALYST", "OPERATOR")
            .anyRequest().hasAnyRole("ANALYST", "OPERATOR"))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/queue", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
            .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .frameOptions(frame -> frame.deny()));
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(PasswordEncoder encoder,
      @Value("${MARKWATCH_ANALYST_PASSWORD:}") String analystPassword,
      @Value("${MARKWATCH_OPERATOR_PASSWORD:}") String operatorPassword) {
    return new InMemoryUserDetailsManager(
        User.withUsername("analyst").password(encoder.encode(orGenerated("analyst", analystPassword)))
            .roles("ANALYST").build(),
        User.withUsername("operator").password(encoder.encode(orGenerated("operator", operatorPassword)))
            .roles("OPERATOR", "ANALYST").build());
  }

  private static String orGenerated(String user, String configured) {
    if (!configured.isBlank()) {
      return configured;
    }
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    // Straight to the operator's console, never through logging: log files are collected and kept.
    System.err.printf("Portal login '%s' uses the one-time password %s (set MARKWATCH_%s_PASSWORD to choose one)%n",
        user, generated, user.toUpperCase(java.util.Locale.ROOT));
    return generated;
  }
}
