package org.disclosuredesk.desk;

import static org.disclosuredesk.identity.Groups.ADMIN;
import static org.disclosuredesk.identity.Groups.RECEPTION;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /desk/**}: reception and administrators, signed in the way the supervision pages are (a form
 * and a session checked against the engine's users; CSRF tokens on every form and fetch). Others get 403.
 */
@Configuration
class DeskSecurityConfiguration {

  static final String LOGIN = "/desk/login";

  @Bean
  @Order(3)
  SecurityFilterChain deskSecurity(HttpSecurity http,
      @Qualifier("engineIdentityAuthenticationProvider") AuthenticationProvider engineIdentity) throws Exception {
    http.securityMatcher("/desk/**")
        .authenticationProvider(engineIdentity)
        .authorizeHttpRequests(a -> a
            .requestMatchers(LOGIN, "/desk/forbidden", "/desk/assets/**").permitAll()
            .anyRequest().hasAnyAuthority(RECEPTION, ADMIN))
        .formLogin(f -> f.loginPage(LOGIN).defaultSuccessUrl("/desk/", false).failureUrl(LOGIN + "?error"))
        .logout(l -> l.logoutUrl("/desk/logout").logoutSuccessUrl(LOGIN + "?logout"))
        // the register page shows the new case's receipt in a frame, ready to print
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .exceptionHandling(e -> e.accessDeniedPage("/desk/forbidden"));
    return http.build();
  }
}
