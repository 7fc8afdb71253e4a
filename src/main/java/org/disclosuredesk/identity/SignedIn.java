package org.disclosuredesk.identity;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who signed in: the engine user with their groups and tenants, as loaded once per cache period. */
record SignedIn(String userId, List<String> groups, List<String> tenants) {

  SignedIn {
    groups = List.copyOf(groups);
    tenants = List.copyOf(tenants);
  }

  Authentication toAuthentication() {
    return CurrentUser.authentication(userId, groups, tenants);
  }

  boolean serviceAccount() {
    return groups.contains(Groups.PORTAL);
  }
}
