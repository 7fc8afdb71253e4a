package org.disclosuredesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy on our own pages (supervision, desk, letters, API answers): scripts only
 * from this server, or inline with the request's nonce (request attribute {@value #NONCE}, for
 * {@code <script th:attr="nonce=${cspNonce}">}); no plugins, no framing by other sites, forms only to
 * us. The Camunda webapps ({@code /camunda/}) set their own policy and are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

  static final String NONCE = "cspNonce";
  private final SecureRandom random = new SecureRandom();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/camunda/") || path.startsWith("/engine-rest/") || path.equals("/camunda");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    request.setAttribute(NONCE, nonce);
    response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
