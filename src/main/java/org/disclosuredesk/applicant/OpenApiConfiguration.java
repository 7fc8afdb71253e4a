package org.disclosuredesk.applicant;

import static org.disclosuredesk.identity.Groups.ADMIN;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API for agencies with their own portal, described as OpenAPI (springdoc): {@code /v3/api-docs}
 * for anyone signed in (HTTP Basic against the engine's users), Swagger UI ({@code /swagger-ui.html})
 * for administrators. The portal's way in, an API key in {@code X-API-Key}, is the described scheme;
 * only {@code /api/**} is described.
 */
@Configuration
class OpenApiConfiguration {

  static final String API_KEY = "apiKey";
  static final String BASIC = "basic";

  @Bean
  OpenAPI disclosureDeskOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Disclosure Desk API").version("1")
            .description("依申请公开办理系统的接口。门户网站以 API 密钥（X-API-Key，由管理员在 POST /api/admin/api-keys 签发）"
                + "提交申请（POST /api/requests）、转交补正和撤回；公众查询进度用 POST /api/public/lookup（无需登录，按地址限流）。"))
        .components(new Components()
            .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("服务账户（如门户网站）的 API 密钥"))
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("工作人员的账户（引擎用户）")))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** Only our API, and the public lookup marked as needing no credentials. */
  @Bean
  OpenApiCustomizer onlyTheApi() {
    return api -> {
      api.getPaths().keySet().removeIf(p -> !p.startsWith("/api/"));
      api.getPaths().forEach((path, item) -> {
        if (path.startsWith("/api/public/")) {
          item.readOperations().forEach(o -> o.setSecurity(java.util.List.of()));
        }
      });
    };
  }

  @Bean
  @Order(4)
  SecurityFilterChain openApiSecurity(HttpSecurity http,
      @Qualifier("engineIdentityAuthenticationProvider") AuthenticationProvider engineIdentity) throws Exception {
    http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
        .authenticationProvider(engineIdentity)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/swagger-ui.html", "/swagger-ui/**").hasAuthority(ADMIN)
            .anyRequest().authenticated())
        .httpBasic(b -> { })
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    return http.build();
  }
}
