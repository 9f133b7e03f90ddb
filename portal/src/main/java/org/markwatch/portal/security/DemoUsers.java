package org.markwatch.portal.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo's users, national, when no user store is configured: the analyst and operator
 * passwords come from the environment ({@code MARKWATCH_ANALYST_PASSWORD}) or, when unset, a
 * one-time random password printed on the console at start, so nothing secret lives in the
 * repository or in log files.
 */
@Configuration
class DemoUsers {
  @Bean
  @ConditionalOnMissingBean(UserDetailsService.class)
  UserDetailsService users(PasswordEncoder encoder,
      @Value("${MARKWATCH_ANALYST_PASSWORD:}") String analystPassword,
      @Value("${MARKWATCH_SUPERVISOR_PASSWORD:}") String supervisorPassword,
      @Value("${MARKWATCH_OPERATOR_PASSWORD:}") String operatorPassword) {
    return new InMemoryUserDetailsManager(
        User.withUsername("analyst").password(encoder.encode(orGenerated("analyst", analystPassword)))
            .roles("ANALYST").build(),
        User.withUsername("supervisor").password(encoder.encode(orGenerated("supervisor", supervisorPassword)))
            .roles("SUPERVISOR", "ANALYST").build(),
        User.withUsername("operator").password(encoder.encode(orGenerated("operator", operatorPassword)))
            .roles("OPERATOR").build());
  }

  @Bean
  @ConditionalOnMissingBean(LoginEvents.class)
  LoginEvents loginEvents() {
    return new LoggedLoginEvents();
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
        user, generated, user.toUpperCase(Locale.ROOT));
    return generated;
  }
}
