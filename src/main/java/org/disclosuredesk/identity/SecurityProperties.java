package org.disclosuredesk.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code disclosure.security}.
 *
 * @param serviceAccountsBasic whether service accounts (group {@code portal}) may still sign in with a
 *     password (HTTP Basic); unset = only while the demo users exist. Outside the demo they use API keys.
 * @param demoApiKey the API key the demo gives the {@code portal} account (only when demo users are created)
 * @param allowedOrigins origins besides the application's own from which a browser may send changes to {@code /api}
 */
@ConfigurationProperties("disclosure.security")
public record SecurityProperties(Boolean serviceAccountsBasic, String demoApiKey, List<String> allowedOrigins) {

  public SecurityProperties {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }

  boolean serviceAccountsMayUseBasic(DemoProperties demo) {
    return serviceAccountsBasic != null ? serviceAccountsBasic : demo.users();
  }
}
