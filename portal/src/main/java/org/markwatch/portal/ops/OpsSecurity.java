package org.markwatch.portal.ops;

import org.markwatch.portal.security.SecurityConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The operators' routes ({@code /ops/**}: operators and admins only) and the user guide ({@code
 * /huong-dan}: public, no login), in their own filter chain so the portal's main chain is not
 * edited. Same headers and CSP as the main chain; CSRF on (Spring's default); a visitor without a
 * session is sent to the portal's login page.
 */
@Configuration
class OpsSecurity {
  @Bean
  @Order(20)
  SecurityFilterChain opsChain(HttpSecurity http, AuthenticationManager logins) throws Exception {
    http.securityMatcher("/ops", "/ops/**", "/huong-dan", "/huong-dan/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/huong-dan", "/huong-dan/**")
                    .permitAll()
                    .requestMatchers("/ops", "/ops/**")
                    .hasAnyRole("OPERATOR", "ADMIN")
                    .anyRequest()
                    .denyAll())
        .authenticationManager(logins)
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfig.CSP))
                    .referrerPolicy(
                        ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .permissionsPolicyHeader(
                        p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                    .crossOriginOpenerPolicy(c -> {})
                    .crossOriginResourcePolicy(c -> {})
                    .frameOptions(frame -> frame.deny()));
    return http.build();
  }
}
