package org.disclosuredesk.applicant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public forms' body limit: a POST to {@code /apply/} or {@code /track/} declaring more than 64 KB
 * is refused with 413 before anything reads it (Tomcat's form-size limit bounds a body sent without a
 * length); the application form with its materials and the supplement with its files (multipart) may
 * carry 3 × 5 MB more.
 */
@Configuration
class PublicBodyLimit {

  static final long MAX_BYTES = 64 * 1024;
  /** The application form with its materials (ApplyPages: 3 files of 5 MB) and the text fields. */
  static final long MAX_BYTES_WITH_MATERIALS = ApplicantFiles.MAX_FILES * ApplicantFiles.MAX_FILE_BYTES + MAX_BYTES;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> publicBodyLimitFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        boolean withFiles = request.getContentType() != null && request.getContentType().startsWith("multipart/")
            && (request.getRequestURI().startsWith(request.getContextPath() + "/apply")
                || request.getRequestURI().equals(request.getContextPath() + "/track/supplement"));
        long limit = withFiles ? MAX_BYTES_WITH_MATERIALS : MAX_BYTES;
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > limit) {
          response.setStatus(413);
          response.setContentType("text/plain;charset=UTF-8");
          response.getWriter().write(withFiles ? "提交的内容过大（所附文件合计上限 15 MB）。" : "提交的内容过大（上限 64 KB）。");
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/apply/*", "/apply", "/track/*", "/track");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
