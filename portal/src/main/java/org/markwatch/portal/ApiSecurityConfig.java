package org.markwatch.portal.api;

import java.time.Duration;
import javax.sql.DataSource;
import org.markwatch.portal.ratelimit.RateLimiter;
import org.markwatch.storage.users.ApiClientStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The agencies' API {@code /api/v1/**}: its own filter chain (ordered before the analysts' login
 * chain), stateless, bearer tokens only, no cookies and so no CSRF; a scope on every route and
 * nothing else allowed; errors as problem+json; ETags on every GET (a client sending If-None-Match
 * gets 304 when nothing changed).
 */
@Configuration
class ApiSecurityConfig {
  static final String CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      ApiClientStore clients,
      DataSource dataSource,
      @Value("${markwatch.api.requests-per-minute:600}") long perMinute)
      throws Exception {
    RateLimiter limiter = new RateLimiter(perMinute, Duration.ofMinutes(1), 10_000);
    http.securityMatcher("/api/v1/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/violators")
                    .hasAuthority("SCOPE_violators:read")
                    .requestMatchers(HttpMethod.GET, "/api/v1/cases")
                    .hasAuthority("SCOPE_cases:read")
                    .requestMatchers(HttpMethod.GET, "/api/v1/listings")
                    .hasAuthority("SCOPE_listings:read")
                    .requestMatchers(HttpMethod.POST, "/api/v1/tips")
                    .hasAuthority("SCOPE_tips:write")
                    .requestMatchers(HttpMethod.GET, "/api/v1/tips/*")
                    .hasAuthority("SCOPE_tips:write")
                    .anyRequest()
                    .denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(
            csrf ->
                csrf.disable()) // no cookie is ever honoured here: a bearer token is not ambient
        .requestCache(cache -> cache.disable())
        .anonymous(a -> {})
        .addFilterBefore(
            new ApiTokenFilter(clients, limiter, dataSource), AuthorizationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (req, res, ex) -> {
                          res.setHeader("WWW-Authenticate", "Bearer");
                          ProblemWriter.write(
                              req,
                              res,
                              401,
                              "unauthorized",
                              "Unauthorized",
                              "send 'Authorization: Bearer <token>'");
                        })
                    .accessDeniedHandler(
                        (req, res, ex) ->
                            ProblemWriter.write(
                                req,
                                res,
                                403,
                                "forbidden",
                                "Forbidden",
                                "this token's scopes do not allow "
                                    + req.getMethod()
                                    + " "
                                    + req.getRequestURI())))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .referrerPolicy(
                        ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frame -> frame.deny())
                    // revalidate every time (ETag), never store: the data are not public
                    .cacheControl(cache -> cache.disable()));
    return http.build();
  }

  /** ETag from the response body's hash; If-None-Match answered with 304. */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> bean =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    bean.addUrlPatterns("/api/v1/*");
    bean.setName("apiEtags");
    return bean;
  }
}
