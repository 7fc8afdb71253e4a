package org.disclosuredesk.identity;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of an API call and the groups that are their authorities. */
public record CurrentUser(String id, Set<String> groups) {

  public static CurrentUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null) {
      return new CurrentUser(null, Set.of());
    }
    return new CurrentUser(auth.getName(),
        auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()));
  }

  public boolean in(String group) {
    return groups.contains(group);
  }

  /** Reception, supervisors and admins see every case; officers only their department's. */
  public boolean maySee(String department) {
    return in(Groups.RECEPTION) || in(Groups.SUPERVISORS) || in(Groups.ADMIN)
        || (department != null && in(Groups.department(department)));
  }
}
