package org.disclosuredesk.identity;

import static org.disclosuredesk.identity.Groups.ADMIN;
import static org.disclosuredesk.identity.Groups.PORTAL;
import static org.disclosuredesk.identity.Groups.RECEPTION;
import static org.disclosuredesk.identity.Groups.SUPERVISORS;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.disclosuredesk.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**}: an API key ({@code X-API-Key}, service accounts) or HTTP Basic against the engine's
 * users (people), stateless, role rules per endpoint; changes only with JSON and from our own origin.
 * {@code /engine-rest/**}: HTTP Basic through the same cached, throttled check, so engine
 * authorizations apply. {@code /actuator}: health for everyone, Prometheus for administrators and the
 * {@code monitoring} group. The Camunda webapps keep their own login (throttled here too) and CSRF protection.
 */
@Configuration
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
  /** An engine group for a metrics scraper's account (create it in Camunda Admin if wanted). */
  static final String MONITORING = "monitoring";

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys keys, SecurityProperties security) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/admin/**").hasAuthority(ADMIN)
            // the applicant's progress lookup (issue 14): no sign-in, throttled per address
            .requestMatchers(HttpMethod.POST, "/api/public/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/requests/*/verification-code").hasAnyAuthority(RECEPTION, ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/calendar/**").hasAnyAuthority(ADMIN, Groups.AGENCY_ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/requests").hasAnyAuthority(RECEPTION, PORTAL, ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/requests/*/supplement", "/api/requests/*/withdrawal")
            .hasAnyAuthority(RECEPTION, PORTAL, ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/requests/*/access-log").hasAnyAuthority(SUPERVISORS, ADMIN)
            .requestMatchers("/api/supervision/**", "/api/reports/**")
            .hasAnyAuthority(SUPERVISORS, ADMIN, Groups.CITY_SUPERVISORS)
            .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(SecurityConfiguration::unauthorized)
            .accessDeniedHandler((req, res, ex) ->
                json(res, HttpServletResponse.SC_FORBIDDEN, "authorization", "无权执行此操作")))
        // stateless, and never rotating the session id of a Tasklist session that opens a letter (its
        // next call would be signed out)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
            .sessionFixation(f -> f.none()))
        .addFilterBefore(new ApiKeyAuthenticationFilter(keys), BasicAuthenticationFilter.class)
        .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(new BrowserRequestGuard(security.allowedOrigins()), BasicAuthenticationFilter.class)
        // cross-site changes are refused by BrowserRequestGuard (origin + JSON only), not by tokens
        .csrf(c -> c.disable());
    return http.build();
  }

  /** Health for load balancers (no details without sign-in), metrics for administrators and monitoring. */
  @Bean
  @Order(3)
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/prometheus").hasAnyAuthority(ADMIN, MONITORING)
            .anyRequest().hasAuthority(ADMIN))
        .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
        .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthorized)
            .accessDeniedHandler((req, res, ex) ->
                json(res, HttpServletResponse.SC_FORBIDDEN, "authorization", "无权执行此操作")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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

  /** A request the firewall refuses (encoded slashes, control characters in headers …): 400 in our format, not 500. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, e) -> {
      log.info("request refused by the firewall: {} ({})", e.getMessage(), request.getRemoteAddr());
      ApiErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "request", "请求中含有不允许的字符或路径");
    };
  }

  @Bean
  FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthenticationFilter(ProcessEngine engine,
      SignIns signIns, SecurityProperties security, DemoProperties demo) {
    FilterRegistrationBean<EngineRestAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new EngineRestAuthenticationFilter(engine, signIns, security.serviceAccountsMayUseBasic(demo)));
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottleFilter(SignInThrottle throttle, SignIns signIns) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, signIns));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** A change to users, groups or tenants (engine REST, Admin webapp) drops the cached sign-ins. */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> identityChangeFilter(SignIns signIns) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          chain.doFilter(request, response);
        } finally {
          if (!"GET".equals(request.getMethod()) && !request.getRequestURI().contains("/auth/user/")
              && request.getRequestURI().matches(".*/(user|group|tenant)/.*")) {
            signIns.forget(null);
          }
        }
      }
    });
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  /** The demo's well-known portal key (README), never outside the demo. */
  @Bean
  ApplicationRunner demoApiKey(ApiKeys keys, SecurityProperties security, DemoProperties demo,
      org.camunda.bpm.engine.IdentityService identity) {
    return args -> {
      String key = security.demoApiKey();
      if (demo.users() && key != null && !key.isBlank() && identity.createUserQuery().userId(PORTAL).count() > 0) {
        keys.ensureDemoKey(PORTAL, key.trim());
        log.info("demo API key for the portal account: {} (demo only; issue real keys at POST /api/admin/api-keys)", key.trim());
      }
    };
  }

  private static void unauthorized(HttpServletRequest req, HttpServletResponse res,
      org.springframework.security.core.AuthenticationException e) throws IOException {
    if (e instanceof SignInRefusedException refused && refused.secondsToWait() > 0) {
      res.setHeader("Retry-After", Long.toString(refused.secondsToWait()));
      ApiErrors.write(res, 429, "authorization", refused.getMessage());
      return;
    }
    String message = e instanceof SignInRefusedException refused ? refused.getMessage() : "需要登录（HTTP Basic 或 API 密钥）";
    json(res, HttpServletResponse.SC_UNAUTHORIZED, "authorization", message);
  }

  private static void json(HttpServletResponse res, int status, String field, String message) throws IOException {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"disclosure-desk\"");
    }
    ApiErrors.write(res, status, field, message);
  }
}
