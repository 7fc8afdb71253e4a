package org.disclosuredesk.agency;

import java.util.List;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.ForbiddenException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Which agency a call is about (design.md "Agencies": our API serves the caller's agency). Without a
 * choice it is the caller's own agency; someone in several (a city supervisor, a platform administrator,
 * a user granted a second agency) names one with {@code ?agency=CODE}; the city-wide users may ask for
 * {@code all}.
 */
@Component
public class CallerAgency {

  /** The value of {@code ?agency=} that asks for every agency of the platform. */
  public static final String ALL = "all";

  private final Agencies agencies;

  CallerAgency(Agencies agencies) {
    this.agencies = agencies;
  }

  /** The caller's own agency: their only one; of several, the installation's own agency, else the first. */
  public String home(CurrentUser user) {
    if (user.agencies().size() == 1) {
      return user.agencies().iterator().next();
    }
    String platform = agencies.defaultCode();
    if (user.memberOf(platform)) {
      return platform;
    }
    return user.agencies().stream().sorted().findFirst()
        .orElseThrow(() -> new ForbiddenException("agency", "您的账号尚未分配到任何机关，请联系系统管理员"));
  }

  /**
   * The agency named by {@code requested} (null or blank: the caller's own); one the caller does not
   * belong to is 403, an unknown code 400. {@code all} is refused here: the caller wants one agency.
   */
  public String of(CurrentUser user, String requested) {
    if (requested == null || requested.isBlank()) {
      return home(user);
    }
    String code = requested.strip();
    if (ALL.equals(code)) {
      throw new InvalidInputException("agency", "此处须指定一个机关（?agency=机关代码）");
    }
    if (agencies.find(code).isEmpty()) {
      throw new InvalidInputException("agency", "没有代码为 " + code + " 的机关");
    }
    if (!user.memberOf(code)) {
      throw new ForbiddenException("agency", "您不属于机关 " + code + "，不能查看或办理其案件");
    }
    return code;
  }

  /**
   * The agencies a supervision list or report is about: one, or with {@code all} every agency (city
   * supervisors and platform administrators only).
   */
  public List<String> scope(CurrentUser user, String requested) {
    if (requested != null && ALL.equals(requested.strip())) {
      if (!user.cityWide()) {
        throw new ForbiddenException("agency", "只有市级督办人员可以查看全市汇总（agency=all）");
      }
      return agencies.all().stream().map(Agency::code).toList();
    }
    return List.of(of(user, requested));
  }
}
