package org.disclosuredesk.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of an API call or page: the groups that are their authorities and the agencies
 * (engine tenants) they belong to, directly or through a group.
 */
public record CurrentUser(String id, Set<String> groups, Set<String> agencies) {

  /** What a Spring authentication of ours carries besides the groups: the user's agencies. */
  public record Memberships(Set<String> agencies) {}

  public CurrentUser {
    groups = Set.copyOf(groups);
    agencies = Set.copyOf(agencies);
  }

  public static CurrentUser get() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  public static CurrentUser of(Authentication auth) {
    if (auth == null) {
      return new CurrentUser(null, Set.of(), Set.of());
    }
    Set<String> agencies = auth.getDetails() instanceof Memberships m ? m.agencies() : Set.of();
    return new CurrentUser(auth.getName(),
        auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet()),
        agencies);
  }

  /** The authentication of our filters and sign-ins: groups as authorities, agencies as details. */
  public static Authentication authentication(String userId, Collection<String> groups, Collection<String> agencies) {
    List<SimpleGrantedAuthority> authorities = groups == null ? List.of()
        : groups.stream().map(SimpleGrantedAuthority::new).toList();
    UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    token.setDetails(new Memberships(agencies == null ? Set.of() : Set.copyOf(agencies)));
    return token;
  }

  public boolean in(String group) {
    return groups.contains(group);
  }

  /** Platform administrators act in every agency. */
  public boolean memberOf(String agencyCode) {
    return in(Groups.ADMIN) || agencies.contains(agencyCode);
  }

  /** The city's OGI office (or a platform administrator): every agency's supervision and reports. */
  public boolean cityWide() {
    return in(Groups.CITY_SUPERVISORS) || in(Groups.ADMIN);
  }

  /**
   * Within one of the user's agencies: reception, supervisors and admins see every case; officers only
   * their department's; the city supervisors every agency's cases.
   */
  public boolean maySee(String agencyCode, String department) {
    if (!memberOf(agencyCode)) {
      return false;
    }
    return in(Groups.RECEPTION) || in(Groups.SUPERVISORS) || in(Groups.ADMIN) || in(Groups.CITY_SUPERVISORS)
        || (department != null && in(Groups.department(department)));
  }
}
