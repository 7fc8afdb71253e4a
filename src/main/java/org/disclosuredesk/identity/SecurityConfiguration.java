package org.disclosuredesk.identity;

import static org.disclosuredesk.identity.Groups.ADMIN;
import static org.disclosuredesk.identity.Groups.PORTAL;
import static org.disclosuredesk.identity.Groups.RECEPTION;
import static org.disclosuredesk.identity.Groups.SUPERVISORS;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.disclosuredesk.web.ApiErrors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * {@code /api/**}: HTTP Basic against the engine's users, stateless, role rules per endpoint.
 * {@code /engine-rest/**}: the engine's own HTTP Basic filter (stack-notes P10), so engine
 * authorizations apply. The Camunda webapps keep their own login and CSRF protection.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers(HttpMethod.PUT, "/api/calendar/**").hasAuthority(ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/requests").hasAnyAuthority(RECEPTION, PORTAL, ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/requests/*/supplement", "/api/requests/*/withdrawal")
            .hasAnyAuthority(RECEPTION, PORTAL, ADMIN)
            .requestMatchers("/api/supervision/**", "/api/reports/**").hasAnyAuthority(SUPERVISORS, ADMIN)
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint((req, res, e) ->
            json(res, HttpServletResponse.SC_UNAUTHORIZED, "authorization", "需要登录（HTTP Basic）")))
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) ->
                json(res, HttpServletResponse.SC_UNAUTHORIZED, "authorization", "需要登录（HTTP Basic）"))
            .accessDeniedHandler((req, res, ex) ->
                json(res, HttpServletResponse.SC_FORBIDDEN, "authorization", "无权执行此操作")))
        // stateless, and never rotating the session id of a Tasklist session that opens a letter (its
        // next call would be signed out)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(f -> f.none()))
        .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .csrf(c -> c.disable());
    return http.build();
  }

  /** Everything else: the webapps and engine REST authenticate themselves; pages add their own chains. */
  @Bean
  @Order(100)
  SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
        // the Camunda webapps frame nothing of ours but need their own headers untouched
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  private static void json(HttpServletResponse res, int status, String field, String message)
      throws java.io.IOException {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"disclosure-desk\"");
    }
    ApiErrors.write(res, status, field, message);
  }
}
