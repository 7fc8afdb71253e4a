package org.disclosuredesk.supervision;

import static org.disclosuredesk.identity.Groups.ADMIN;
import static org.disclosuredesk.identity.Groups.CITY_SUPERVISORS;
import static org.disclosuredesk.identity.Groups.SUPERVISORS;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /supervision/**}: supervisors, the city's supervisors and admins only. People sign in with a form (a session, CSRF
 * tokens on every form); scripts may send HTTP Basic. Both check the engine's users through the
 * identity feature's provider. Department officers and others get a Chinese 403 page.
 */
@Configuration
class SupervisionSecurityConfiguration {

  static final String LOGIN = "/supervision/login";

  @Bean
  @Order(2)
  SecurityFilterChain supervisionSecurity(HttpSecurity http,
      @Qualifier("engineIdentityAuthenticationProvider") AuthenticationProvider engineIdentity) throws Exception {
    http.securityMatcher("/supervision/**")
        .authenticationProvider(engineIdentity)
        .authorizeHttpRequests(a -> a
            .requestMatchers(LOGIN, "/supervision/assets/**").permitAll()
            .anyRequest().hasAnyAuthority(SUPERVISORS, ADMIN, CITY_SUPERVISORS))
        .formLogin(f -> f.loginPage(LOGIN).defaultSuccessUrl("/supervision/", false).failureUrl(LOGIN + "?error"))
        .httpBasic(b -> b.realmName("disclosure-desk"))
        .logout(l -> l.logoutUrl("/supervision/logout").logoutSuccessUrl(LOGIN + "?logout"))
        .exceptionHandling(e -> e.accessDeniedHandler(forbiddenPage()));
    return http.build();
  }

  /** A Chinese 403 page with a sign-out button (the token makes the logout POST pass CSRF protection). */
  private static AccessDeniedHandler forbiddenPage() {
    return (request, response, denied) -> {
      CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      String logout = token == null ? "" : "<form method=\"post\" action=\"" + request.getContextPath()
          + "/supervision/logout\"><input type=\"hidden\" name=\"" + token.getParameterName() + "\" value=\""
          + token.getToken() + "\"><button type=\"submit\">退出，换一个账号登录</button></form>";
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/html;charset=UTF-8");
      response.getOutputStream().write(("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
          + "<title>无权访问</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
          + "/supervision/assets/supervision.css\"></head><body><main class=\"login-box\"><h1>无权访问（403）</h1>"
          + "<p>督办页面仅限督办人员、市级督办人员和系统管理员使用。</p>" + logout + "</main></body></html>")
          .getBytes(StandardCharsets.UTF_8));
    };
  }
}
