package org.disclosuredesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away (restart, failover) {@code /api} answers 503 with Retry-After in the
 * API's error format, also where no controller is reached yet (signing in reads the engine's users).
 * Controllers' own failures are answered the same way by {@link ApiExceptionHandler}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  /** Seconds a client should wait before trying again. */
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseFailures.isTemporary(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("database temporarily unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
          e.toString());
      response.reset();
      unavailable(response);
    }
  }

  /** 503 + Retry-After in the API's error format. */
  static void unavailable(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    ApiErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "server",
        "数据库暂时不可用，请 " + RETRY_AFTER_SECONDS + " 秒后重试");
  }
}
