package org.disclosuredesk.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every successful view of a page or answer that shows a case's personal data: the case
 * ({@code GET /api/requests/{n}}), its receipt and letters, the supervision and desk case pages.
 */
@Component
class PersonalDataViewRecorder implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataViewRecorder.class);

  private record Watched(Pattern path, String what) {}

  private static final List<Watched> WATCHED = List.of(
      new Watched(Pattern.compile("/api/requests/([^/]+)/?"), "案件信息（接口）"),
      new Watched(Pattern.compile("/api/requests/([^/]+)/receipt/?"), "申请接收回执"),
      new Watched(Pattern.compile("/api/requests/([^/]+)/letters/([^/]+)/?"), "文书"),
      new Watched(Pattern.compile("/supervision/cases/([^/]+)/?"), "督办案件页面"),
      new Watched(Pattern.compile("/desk/cases/([^/]+)/?"), "接待室案件页面"));

  private final PersonalDataViews views;

  PersonalDataViewRecorder(PersonalDataViews views) {
    this.views = views;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || ex != null) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (Watched w : WATCHED) {
      Matcher m = w.path().matcher(path);
      if (m.matches()) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String what = w.what() + (m.groupCount() > 1 ? " " + m.group(2) : "")
            + ("pdf".equals(request.getParameter("format")) ? "（PDF）" : "");
        try {
          views.record(m.group(1), auth == null ? null : auth.getName(), what.length() > 100 ? what.substring(0, 100) : what);
        } catch (RuntimeException e) {
          log.warn("could not record the view of case {} by {}: {}", m.group(1), auth == null ? null : auth.getName(),
              e.toString());
        }
        return;
      }
    }
  }
}
