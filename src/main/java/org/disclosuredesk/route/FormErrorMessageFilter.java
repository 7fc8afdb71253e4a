package org.disclosuredesk.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST layer puts its own English in front of a form error ("Cannot instantiate process
 * definition disclosureRequest:2:…: 请更正以下内容：…"). For the form submissions of Tasklist and engine
 * REST, this keeps only our message, so a clerk reads plain Chinese; and since engine REST answers
 * every refused process start with 500, a start refused for its input is answered 400.
 */
@Component
class FormErrorMessageFilter extends OncePerRequestFilter {

  static final String MARKER = "请更正以下内容：";
  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !"POST".equals(request.getMethod())
        || !(uri.endsWith("/submit-form") || uri.endsWith("/complete") || uri.endsWith("/start"))
        || !(uri.contains("/engine-rest/") || uri.contains("/camunda/api/engine/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapped);
      int status = wrapped.getStatus();
      if (status == HttpServletResponse.SC_BAD_REQUEST || status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
        byte[] body = wrapped.getContentAsByteArray();
        byte[] plain = plainMessage(body);
        if (plain != body) {
          // engine REST answers a refused process start with 500 whatever the cause: ours is bad input
          wrapped.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          wrapped.resetBuffer();
          wrapped.getOutputStream().write(plain);
        }
      }
    } finally {
      wrapped.copyBodyToResponse();
    }
  }

  private byte[] plainMessage(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      String message = node.path("message").asText("");
      int at = message.indexOf(MARKER);
      if (node instanceof ObjectNode object && at > 0) {
        object.put("message", message.substring(at));
        return json.writeValueAsBytes(object);
      }
    } catch (IOException notJson) {
      // leave the answer as it is
    }
    return body;
  }
}
