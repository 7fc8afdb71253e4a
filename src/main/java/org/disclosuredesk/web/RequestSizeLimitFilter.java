package org.disclosuredesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code /api} bodies above a limit with 400 before anything reads them, whether the client
 * declares the length or streams it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final int MAX_BYTES = 256 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String api = request.getContextPath() + "/api/";
    // document uploads are multipart files with their own limits (disclosure.documents.*, answered with 413)
    boolean upload = "POST".equals(request.getMethod()) && uri.matches(java.util.regex.Pattern.quote(api)
        + "requests/[^/]+/documents/?");
    return !uri.startsWith(api) || upload;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      tooLarge(response);
      return;
    }
    try {
      chain.doFilter(new LimitedRequest(request), response);
    } catch (BodyTooLargeException e) {
      if (!response.isCommitted()) {
        response.reset();
        tooLarge(response);
      }
    }
  }

  private static void tooLarge(HttpServletResponse response) throws IOException {
    ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "body", "请求体过大（上限 256 KB）");
  }

  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body exceeds " + MAX_BYTES + " bytes");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > MAX_BYTES) {
              throw new BodyTooLargeException();
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0 && (read += n) > MAX_BYTES) {
              throw new BodyTooLargeException();
            }
            return n;
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
