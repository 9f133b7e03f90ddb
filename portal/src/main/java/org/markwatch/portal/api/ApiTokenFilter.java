package org.markwatch.portal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import javax.sql.DataSource;
import org.markwatch.portal.ratelimit.RateLimiter;
import org.markwatch.storage.StorageException;
import org.markwatch.storage.audit.AuditAction;
import org.markwatch.storage.audit.AuditLog;
import org.markwatch.storage.users.ApiClient;
import org.markwatch.storage.users.ApiClientStore;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer tokens of the agencies' API: a valid token makes the request its client's (scopes as
 * authorities), a wrong, revoked or expired one is a 401 problem at once. Each client has its own
 * rate limit (429 with Retry-After). Every authenticated request is written to the audit log
 * (client, method, path, query), so token use can be traced.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
  private final ApiClientStore clients;
  private final RateLimiter limiter;
  private final DataSource dataSource;
  private final AuditLog audit = new AuditLog();

  ApiTokenFilter(ApiClientStore clients, RateLimiter limiter, DataSource dataSource) {
    this.clients = clients;
    this.limiter = limiter;
    this.dataSource = dataSource;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null) {
      chain.doFilter(request, response); // anonymous: only the OpenAPI document is open
      return;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      unauthorized(request, response, "the Authorization header must be 'Bearer <token>'");
      return;
    }
    Optional<ApiClient> client;
    try {
      client = clients.authenticate(header.substring(7).strip());
    } catch (StorageException e) {
      ProblemWriter.write(
          request,
          response,
          503,
          "unavailable",
          "Service unavailable",
          "the database is unavailable");
      return;
    }
    if (client.isEmpty()) {
      unauthorized(request, response, "the token is unknown, revoked or expired");
      return;
    }
    ApiClient c = client.get();
    RateLimiter.Outcome rate = limiter.take(c.id());
    response.setHeader("RateLimit-Limit", Long.toString(limiter.capacity()));
    response.setHeader("RateLimit-Remaining", Long.toString(rate.remaining()));
    if (!rate.allowed()) {
      response.setHeader("Retry-After", Long.toString(rate.retryAfterSeconds()));
      ProblemWriter.write(
          request,
          response,
          429,
          "rate-limited",
          "Too many requests",
          "this client's rate limit is used up; retry after " + rate.retryAfterSeconds() + " s");
      audit(c, request, 429);
      return;
    }
    // written before the answer, so a request is on record even when its client hangs up
    audit(c, request, 0);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ApiClientAuthentication(c));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** One audit row per request; status 0 = let through to the scope check and the operation. */
  private void audit(ApiClient c, HttpServletRequest request, int status) {
    String query = request.getQueryString();
    String subject = request.getMethod() + " " + request.getRequestURI();
    audit.appendNow(
        dataSource,
        "api:" + c.id(),
        AuditAction.API_REQUEST,
        subject.length() > 500 ? subject.substring(0, 500) : subject,
        (status == 0 ? "" : "refused " + status + " ")
            + (query == null ? "" : "query=" + cut(query)));
  }

  private static String cut(String s) {
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }

  private static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    ProblemWriter.write(request, response, 401, "unauthorized", "Unauthorized", detail);
  }
}
