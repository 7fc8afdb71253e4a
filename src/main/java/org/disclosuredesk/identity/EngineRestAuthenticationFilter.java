package org.disclosuredesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /engine-rest/*}: HTTP Basic against the engine's users, like Camunda's
 * {@code ProcessEngineAuthenticationFilter}, but through {@link SignIns} (cached, throttled per
 * account and address) and with the one engine injected rather than looked up per request. The
 * engine then checks its authorizations for that user, groups and tenants. The list of engines
 * ({@code /engine-rest/engine}) stays public, as with Camunda's filter.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

  private static final String PREFIX = "/engine-rest";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final SignIns signIns;
  private final boolean serviceAccountsBasic;

  EngineRestAuthenticationFilter(ProcessEngine engine, SignIns signIns, boolean serviceAccountsBasic) {
    this.engine = engine;
    this.signIns = signIns;
    this.serviceAccountsBasic = serviceAccountsBasic;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    path = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    if (path.equals("/engine") || path.equals("/engine/")) {
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/engine/")) {
      String name = path.substring("/engine/".length()).split("/", 2)[0];
      if (!name.equals(engine.getName())) {
        answer(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "没有这个流程引擎：" + name, 0);
        return;
      }
    }
    String[] credentials = basic(request.getHeader("Authorization"));
    if (credentials == null) {
      answer(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException", "需要登录（HTTP Basic）", 0);
      return;
    }
    SignedIn who;
    try {
      who = signIns.signIn(credentials[0], credentials[1], request.getRemoteAddr());
      if (who.serviceAccount() && !serviceAccountsBasic) {
        throw new SignInRefusedException("服务账号不能使用引擎接口", 0);
      }
    } catch (SignInRefusedException e) {
      answer(response, e.secondsToWait() > 0 ? 429 : HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
          e.getMessage(), e.secondsToWait());
      return;
    }
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(who.userId(), who.groups(), who.tenants());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** User id and password of a Basic header; null when there is none or it cannot be read. */
  static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static void answer(HttpServletResponse response, int status, String type, String message, long wait)
      throws IOException {
    response.setStatus(status);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
    }
    if (wait > 0) {
      response.setHeader("Retry-After", Long.toString(wait));
    }
    response.setContentType("application/json;charset=UTF-8");
    JSON.writeValue(response.getOutputStream(), Map.of("type", type, "message", message));
  }
}
