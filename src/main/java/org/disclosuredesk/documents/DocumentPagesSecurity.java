package org.disclosuredesk.documents;

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
import org.disclosuredesk.web.ApiErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /documents/**}: the documents and redaction pages and the calls their scripts make. The caller is
 * whoever is signed in to the Camunda webapps (Tasklist) or to the desk in this browser session; changes need
 * the page's CSRF token (header {@code X-CSRF-TOKEN}). The pages themselves hold no case data.
 */
@Configuration
class DocumentPagesSecurity {

  @Bean
  @Order(4)
  SecurityFilterChain documentPages(HttpSecurity http) throws Exception {
    http.securityMatcher("/documents/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers("/documents/assets/**").permitAll()
            .requestMatchers("/documents/*/files", "/documents/*/files/**").authenticated()
            .anyRequest().permitAll())
        .addFilterBefore(new TasklistSession(), BasicAuthenticationFilter.class)
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> ApiErrors.write(res, HttpServletResponse.SC_UNAUTHORIZED,
                "authentication", "请先登录（在任务列表 Tasklist 或接待台登录后再打开本页）"))
            .accessDeniedHandler((req, res, ex) -> ApiErrors.write(res, HttpServletResponse.SC_FORBIDDEN,
                "authorization", "无权执行此操作（请刷新页面后重试）")));
    return http.build();
  }

  /** The Tasklist user of this browser session, when nobody else is signed in for the request. */
  static final class TasklistSession extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (SecurityContextHolder.getContext().getAuthentication() == null) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
          Authentication a = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
          if (a instanceof UserAuthentication user) {
            SecurityContextHolder.getContext().setAuthentication(org.disclosuredesk.identity.CurrentUser.authentication(
              user.getName(), user.getGroupIds(), user.getTenantIds()));
          }
        }
      }
      chain.doFilter(request, response);
    }
  }
}
