package org.markwatch.portal.publicsite;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public site {@code /cong-khai/**}: no login, its own filter chain (before the analysts'),
 * only the listed pages, CSRF on its forms, the same strict CSP as the portal (no inline script or
 * style), and a request larger than the upload limit refused from its Content-Length before a byte
 * of the body is read.
 */
@Configuration
class PublicSecurityConfig {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Three attachments of 10 MB and the form's fields. */
  static final long MAX_REQUEST_BYTES = 31L * 1024 * 1024;

  @Bean
  @Order(2)
  SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/cong-khai", "/cong-khai/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        HttpMethod.GET,
                        "/cong-khai",
                        "/cong-khai/kiem-tra",
                        "/cong-khai/canh-bao",
                        "/cong-khai/canh-bao/*",
                        "/cong-khai/to-giac",
                        "/cong-khai/theo-doi",
                        "/cong-khai/xac-minh",
                        "/cong-khai/site.css")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/cong-khai/to-giac")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .addFilterBefore(new RequestSizeGuard(), CsrfFilter.class)
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

  /** 413 for a body announced larger than the limit, or a POST that does not say its size. */
  static final class RequestSizeGuard extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if ("POST".equals(request.getMethod())
          && (request.getContentLengthLong() > MAX_REQUEST_BYTES
              || request.getContentLengthLong() < 0)) {
        response.setHeader("Connection", "close");
        response.sendError(
            request.getContentLengthLong() < 0 ? 411 : 413,
            "Tệp đính kèm quá lớn (tối đa 10 MB mỗi tệp) / attachments too large");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
