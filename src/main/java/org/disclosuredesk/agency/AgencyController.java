package org.disclosuredesk.agency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.identity.AgencyIdentities;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.ForbiddenException;
import org.disclosuredesk.web.InvalidInputException;
import org.disclosuredesk.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/agencies} (design.md "Agencies"): the platform's agencies for platform administrators and
 * city supervisors; an agency's own administrator (group {@code agency-admins}, member of that agency)
 * reads and edits its letter header and departments and nobody else's; only a platform administrator
 * adds an agency.
 */
@RestController
@RequestMapping(path = "/api/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
class AgencyController {

  /** One line of the list. */
  record AgencyLine(String code, String name) {}

  /** A new agency: what letters print, its case-number prefix and its departments. */
  record NewAgency(String code, String name, String caseNumberPrefix, String sealText, String contactPhone,
      String contactAddress, String reconsiderationBody, String court, List<DepartmentBody> departments) {}

  /** What letters print (the code and prefix stay: issued case numbers carry the prefix). */
  record LetterHeader(String name, String sealText, String contactPhone, String contactAddress,
      String reconsiderationBody, String court) {}

  record DepartmentBody(String code, String name) {}

  /** An agency with its departments, as its administrator sees it. */
  record AgencyDetails(String code, String name, String caseNumberPrefix, String sealText, String contactPhone,
      String contactAddress, String reconsiderationBody, String court, List<DepartmentBody> departments) {}

  private final Agencies agencies;
  private final Departments departments;
  private final AgencyIdentities identities;
  private final ApplicationEventPublisher events;

  AgencyController(Agencies agencies, Departments departments, AgencyIdentities identities,
      ApplicationEventPublisher events) {
    this.agencies = agencies;
    this.departments = departments;
    this.identities = identities;
    this.events = events;
  }

  /** Every agency for the city-wide users; an agency administrator's own agencies. */
  @GetMapping
  List<AgencyLine> list() {
    CurrentUser user = CurrentUser.get();
    boolean agencyAdmin = user.in(Groups.AGENCY_ADMINS);
    if (!user.cityWide() && !agencyAdmin) {
      throw new ForbiddenException("authorization", "只有系统管理员、机关管理员和市级督办人员可以查看机关列表");
    }
    return agencies.all().stream()
        .filter(a -> user.cityWide() || user.memberOf(a.code()))
        .map(a -> new AgencyLine(a.code(), a.name()))
        .toList();
  }

  @GetMapping("/{code}")
  AgencyDetails get(@PathVariable String code) {
    Agency a = readable(code);
    return details(a);
  }

  /** A platform administrator adds an agency: its tenant, department groups and calendar come with it. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  AgencyDetails create(@RequestBody NewAgency body) {
    CurrentUser user = CurrentUser.get();
    if (!user.in(Groups.ADMIN)) {
      throw new ForbiddenException("authorization", "只有系统管理员可以新增机关");
    }
    List<DepartmentBody> depts = body.departments() == null ? List.of() : body.departments();
    checkDepartments(depts);
    Agency created = agencies.insert(new Agency(strip(body.code()), strip(body.name()), strip(body.caseNumberPrefix()),
        strip(body.sealText()), strip(body.contactPhone()), strip(body.contactAddress()),
        strip(body.reconsiderationBody()), strip(body.court())), user.id());
    for (DepartmentBody d : depts) {
      departments.save(created.code(), d.code(), d.name());
    }
    identities.agency(created.code(), created.name());
    departments.of(created.code()).forEach(identities::department);
    events.publishEvent(new AgencyCreated(created.code()));
    return details(created);
  }

  /** The agency's administrator (or a platform administrator) changes what its letters print. */
  @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
  AgencyDetails updateLetterHeader(@PathVariable String code, @RequestBody LetterHeader body) {
    CurrentUser user = CurrentUser.get();
    editable(user, code);
    Agency changed = agencies.updateLetterHeader(code, new Agency(code, strip(body.name()), null,
        strip(body.sealText()), strip(body.contactPhone()), strip(body.contactAddress()),
        strip(body.reconsiderationBody()), strip(body.court())), user.id());
    identities.rename(code, changed.name());
    return details(changed);
  }

  /** Adds a department to the agency or renames one of its own. */
  @PutMapping(path = "/{code}/departments/{department}", consumes = MediaType.APPLICATION_JSON_VALUE)
  DepartmentBody saveDepartment(@PathVariable String code, @PathVariable String department,
      @RequestBody DepartmentBody body) {
    editable(CurrentUser.get(), code);
    if (body.code() != null && !body.code().equals(department)) {
      throw new InvalidInputException("code", "请求体中的部门代码与地址中的不一致");
    }
    Departments.Department saved = departments.save(code, department, body.name());
    identities.department(saved.code(), saved.name());
    return new DepartmentBody(saved.code(), saved.name());
  }

  private Agency readable(String code) {
    CurrentUser user = CurrentUser.get();
    Agency a = agencies.find(code).orElseThrow(() -> new NotFoundException("agency", "没有代码为 " + code + " 的机关"));
    if (!user.cityWide() && !(user.in(Groups.AGENCY_ADMINS) && user.memberOf(code))) {
      throw new ForbiddenException("agency", "您不是机关 " + code + " 的管理员");
    }
    return a;
  }

  private void editable(CurrentUser user, String code) {
    agencies.find(code).orElseThrow(() -> new NotFoundException("agency", "没有代码为 " + code + " 的机关"));
    boolean own = user.in(Groups.AGENCY_ADMINS) && user.agencies().contains(code);
    if (!user.in(Groups.ADMIN) && !own) {
      throw new ForbiddenException("agency", "只有机关 " + code + " 的管理员可以修改其文书信息和承办部门");
    }
  }

  private static void checkDepartments(List<DepartmentBody> depts) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < depts.size(); i++) {
      DepartmentBody d = depts.get(i);
      if (d == null || d.code() == null || !Departments.CODE.matcher(d.code()).matches()) {
        errors.add(new FieldError("departments[" + i + "].code", "部门代码须为 2–41 位小写字母、数字或连字符，以字母开头"));
      } else if (seen.putIfAbsent(d.code(), i) != null) {
        errors.add(new FieldError("departments[" + i + "].code", "与第 " + (seen.get(d.code()) + 1) + " 个部门代码重复"));
      }
      if (d == null || d.name() == null || d.name().isBlank()) {
        errors.add(new FieldError("departments[" + i + "].name", "必须填写"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private AgencyDetails details(Agency a) {
    List<DepartmentBody> depts = departments.of(a.code()).entrySet().stream()
        .map(e -> new DepartmentBody(e.getKey(), e.getValue())).toList();
    return new AgencyDetails(a.code(), a.name(), a.caseNumberPrefix(), a.sealText(), a.contactPhone(),
        a.contactAddress(), a.reconsiderationBody(), a.court(), depts);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }
}
