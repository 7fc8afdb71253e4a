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
 * is refused with 413 before anything reads it (the forms carry text only; Tomcat's form-size limit
 * bounds a body sent without a length).
 */
@Configuration
class PublicBodyLimit {

  static final long MAX_BYTES = 64 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> publicBodyLimitFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > MAX_BYTES) {
          response.setStatus(413);
          response.setContentType("text/plain;charset=UTF-8");
          response.getWriter().write("提交的内容过大（上限 64 KB）。");
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
