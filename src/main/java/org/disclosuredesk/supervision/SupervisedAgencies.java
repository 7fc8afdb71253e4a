package org.disclosuredesk.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.CallerAgency;
import org.disclosuredesk.agency.Departments;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Which agencies a supervision list, chart or report is about ({@code ?agency=}, design.md "Agencies"):
 * the caller's own agency, one they name ({@code CODE}, if they belong to it), or for the city's
 * supervisors and platform administrators the whole city ({@code all}). Unknown codes are 400, another
 * agency 403 ({@link CallerAgency}).
 */
@Component
class SupervisedAgencies {

  /**
   * The agencies in scope.
   *
   * @param city the whole city ({@code ?agency=all}): every agency of the platform
   * @param codes the agency codes; one unless {@code city}
   */
  record Scope(boolean city, List<String> codes) {

    /** The value of {@code ?agency=} that names this scope again (links, forms, exports). */
    String param() {
      return city ? CallerAgency.ALL : codes.get(0);
    }
  }

  private final CallerAgency callerAgency;
  private final Agencies agencies;
  private final Departments departments;

  SupervisedAgencies(CallerAgency callerAgency, Agencies agencies, Departments departments) {
    this.callerAgency = callerAgency;
    this.agencies = agencies;
    this.departments = departments;
  }

  /** The scope the signed-in user asks for. */
  Scope of(String requested) {
    List<String> codes = callerAgency.scope(CurrentUser.get(), requested);
    boolean city = requested != null && CallerAgency.ALL.equals(requested.strip());
    return new Scope(city, codes);
  }

  /** Only the city's supervisors and platform administrators look across agencies (the league table). */
  void requireCityWide() {
    if (!CurrentUser.get().cityWide()) {
      throw new ForbiddenException("agency", "只有市级督办人员和系统管理员可以查看全市各机关情况");
    }
  }

  /** The departments of the agencies in scope, code → name (codes are unique on the platform). */
  Map<String, String> departments(Scope scope) {
    Map<String, String> all = new LinkedHashMap<>();
    scope.codes().forEach(code -> all.putAll(departments.of(code)));
    return all;
  }

  /** The agencies the signed-in user may choose between: those they belong to (the city's supervisors: all). */
  List<Agency> choices() {
    CurrentUser user = CurrentUser.get();
    return agencies.all().stream().filter(a -> user.memberOf(a.code())).toList();
  }

  /** Agency code → name, for every agency of the platform. */
  Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    agencies.all().forEach(a -> names.put(a.code(), a.name()));
    return names;
  }

  String name(String code) {
    return agencies.get(code).name();
  }
}
