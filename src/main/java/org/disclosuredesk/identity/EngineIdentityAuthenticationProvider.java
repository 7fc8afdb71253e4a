package org.disclosuredesk.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic and sign-in form credentials against the engine's users ({@link SignIns}: cached,
 * throttled per account and address); the user's groups become authorities. Service accounts may not
 * use a password outside the demo: they send their API key.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  private final SignIns signIns;
  private final boolean serviceAccountsBasic;

  EngineIdentityAuthenticationProvider(SignIns signIns, SecurityProperties security, DemoProperties demo) {
    this.signIns = signIns;
    this.serviceAccountsBasic = security.serviceAccountsMayUseBasic(demo);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    Object credentials = authentication.getCredentials();
    SignedIn who = signIns.signIn(authentication.getName(), credentials == null ? null : credentials.toString(), address);
    if (who.serviceAccount() && !serviceAccountsBasic) {
      throw new SignInRefusedException("服务账号请使用 API 密钥（请求头 X-API-Key）", 0);
    }
    return who.toAuthentication();
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
