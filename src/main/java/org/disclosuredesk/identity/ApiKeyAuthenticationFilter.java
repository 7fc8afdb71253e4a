package org.disclosuredesk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.disclosuredesk.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code /api}: a request with {@code X-API-Key} is authenticated by that key alone (a wrong key is 401, nothing counted). */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
  /** Request attribute set when the request was authenticated by a key (not a browser: no Origin check needed). */
  static final String BY_API_KEY = ApiKeyAuthenticationFilter.class.getName() + ".byKey";

  private final ApiKeys keys;

  ApiKeyAuthenticationFilter(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(ApiKeys.HEADER);
    if (key != null) {
      if (request.getHeader("Authorization") != null) {
        ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, ApiKeys.HEADER, "请只使用一种认证方式（API 密钥或用户名密码）");
        return;
      }
      Optional<SignedIn> who = keys.authenticate(key.trim());
      if (who.isEmpty()) {
        log.info("unknown or revoked API key from {}", request.getRemoteAddr());
        response.setHeader("WWW-Authenticate", "Basic realm=\"disclosure-desk\"");
        ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, ApiKeys.HEADER, "API 密钥无效或已被撤销");
        return;
      }
      SecurityContextHolder.getContext().setAuthentication(who.get().toAuthentication());
      request.setAttribute(BY_API_KEY, Boolean.TRUE);
    }
    chain.doFilter(request, response);
  }
}
