package org.disclosuredesk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.disclosuredesk.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Changes through {@code /api} that a browser could send on a user's behalf (Basic credentials it has
 * cached, a session cookie) are accepted only from our own pages: a cross-site {@code Origin} (or,
 * without one, {@code Referer}) is refused with 403, and a body must be JSON (415 otherwise) — the
 * content types a cross-site form may send without asking are refused. Calendar uploads may be
 * {@code text/calendar} and documents {@code multipart/form-data} (only from our own origin).
 * Requests with an API key come from servers, not browsers, and pass the origin check.
 */
class BrowserRequestGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(BrowserRequestGuard.class);
  private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final List<String> allowedOrigins;

  BrowserRequestGuard(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (READING.contains(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    boolean byKey = request.getAttribute(ApiKeyAuthenticationFilter.BY_API_KEY) != null;
    String origin = request.getHeader("Origin");
    String referer = request.getHeader("Referer");
    if (!byKey && (origin != null ? !trusted(origin, request) : referer != null && !trusted(originOf(referer), request))) {
      log.warn("refused {} {}: cross-site origin {}", request.getMethod(), request.getRequestURI(),
          origin != null ? origin : referer);
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Origin", "不接受来自其他网站的修改请求");
      return;
    }
    String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT).trim();
    boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    if ((hasBody || !type.isEmpty()) && !acceptable(type, request)) {
      log.info("refused {} {}: content type {}", request.getMethod(), request.getRequestURI(), type);
      ApiErrors.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Content-Type",
          "请求体应为 JSON（Content-Type: application/json）");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean acceptable(String type, HttpServletRequest request) {
    String media = type.split(";", 2)[0].trim();
    if (media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"))) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (media.equals("text/calendar") && "PUT".equals(request.getMethod()) && path.startsWith("/api/calendar/")) {
      return true;
    }
    return media.equals("multipart/form-data") && path.matches("/api/requests/[^/]+/documents/?");
  }

  private boolean trusted(String origin, HttpServletRequest request) {
    if (origin == null) {
      return false;
    }
    String o = origin.toLowerCase(Locale.ROOT);
    return o.equals(ownOrigin(request)) || allowedOrigins.contains(o);
  }

  static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme().toLowerCase(Locale.ROOT);
    int port = request.getServerPort();
    boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  static String originOf(String url) {
    try {
      URI u = URI.create(url.trim());
      if (u.getScheme() == null || u.getHost() == null) {
        return null;
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      boolean defaultPort = u.getPort() < 0 || ("http".equals(scheme) && u.getPort() == 80)
          || ("https".equals(scheme) && u.getPort() == 443);
      return scheme + "://" + u.getHost() + (defaultPort ? "" : ":" + u.getPort());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
