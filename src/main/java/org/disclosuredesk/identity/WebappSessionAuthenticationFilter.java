package org.disclosuredesk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone signed in to Tasklist may open the case's letters (the receipt to print, the reply) from a
 * task form without signing in again: a {@code GET} to {@code /api} without credentials is
 * authenticated by the Camunda webapps' session. Only reading: a session cookie never authorizes a
 * change (no cross-site request can use it to write).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (reading(request) && request.getHeader("Authorization") == null
        && SecurityContextHolder.getContext().getAuthentication() == null) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        Authentication a = auths == null ? null : auths.getAuthenticationForProcessEngine(ENGINE);
        if (a instanceof UserAuthentication user) {
          SecurityContextHolder.getContext().setAuthentication(org.disclosuredesk.identity.CurrentUser.authentication(
              user.getName(), user.getGroupIds(), user.getTenantIds()));
        }
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean reading(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}
