package org.disclosuredesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) under the
 * same guessing protection as every other door: while a wait runs the password is not checked and the
 * login page shows "请 N 秒后再试" (the webapps print the response's {@code message}); afterwards the
 * webapp's answer (200 or 401) is counted as a success or a failure.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 16 * 1024;

  private final SignInThrottle throttle;
  private final SignIns signIns;

  WebappLoginThrottleFilter(SignInThrottle throttle, SignIns signIns) {
    this.throttle = throttle;
    this.signIns = signIns;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !request.getRequestURI().substring(request.getContextPath().length()).matches("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    String user = formValue(new String(body, StandardCharsets.ISO_8859_1), "username");
    String address = request.getRemoteAddr();
    long wait = throttle.secondsToWait(user, address);
    if (wait > 0) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(wait));
      response.setContentType("application/json;charset=UTF-8");
      JSON.writeValue(response.getOutputStream(),
          Map.of("type", "LoginThrottled", "message", SignInRefusedException.waitFor(wait).getMessage()));
      return;
    }
    chain.doFilter(new ReplayedBody(request, body), response);
    if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(user, address);
      signIns.forget(user);
    } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
        || response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
      throttle.failed(user, address);
    }
  }

  static String formValue(String body, String name) {
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
          return pair.substring(eq + 1);
        }
      }
    }
    return "";
  }

  /** The request with its body read once here and given again to the webapp. */
  private static final class ReplayedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
