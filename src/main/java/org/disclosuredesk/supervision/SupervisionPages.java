package org.disclosuredesk.supervision;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Departments;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.report.ExportFormat;
import org.disclosuredesk.report.LegalChallengeKind;
import org.disclosuredesk.report.LegalChallengeResult;
import org.disclosuredesk.report.LegalChallenges;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision pages: the lists of open cases, their export, and the case page with its actions. */
@Controller
@RequestMapping("/supervision")
class SupervisionPages {

  static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";

  private final CaseWatch watch;
  private final CaseRegister register;
  private final CaseDiagram diagrams;
  private final Urging urging;
  private final LegalChallenges challenges;
  private final Departments departments;
  private final SupervisedAgencies agencies;
  private final CasePageModel casePage;

  SupervisionPages(CaseWatch watch, CaseRegister register, CaseDiagram diagrams, Urging urging,
      LegalChallenges challenges, Departments departments, SupervisedAgencies agencies, CasePageModel casePage) {
    this.casePage = casePage;
    this.watch = watch;
    this.register = register;
    this.diagrams = diagrams;
    this.urging = urging;
    this.challenges = challenges;
    this.departments = departments;
    this.agencies = agencies;
  }

  @GetMapping({"", "/"})
  String list(@RequestParam(required = false) String filter, @RequestParam(required = false) String department,
      @RequestParam(required = false) String status, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String sort, @RequestParam(required = false) String agency, Model model,
      Principal user, HttpServletRequest request) {
    SupervisedAgencies.Scope scope = agencies.of(agency);
    Map<String, String> scopeDepartments = agencies.departments(scope);
    CaseListCriteria criteria = CaseListCriteria.parse(filter, CaseFilter.OVERDUE, department, status, channel, sort,
        scopeDepartments);
    model.addAttribute("criteria", criteria);
    model.addAttribute("cases", watch.list(scope.codes(), criteria));
    LocalDate yearStart = watch.today().withDayOfYear(1);
    model.addAttribute("lateSupplementNotices",
        scope.codes().stream().mapToInt(code -> register.countLateSupplementNotices(code, yearStart)).sum());
    model.addAttribute("filters", CaseFilter.values());
    model.addAttribute("departments", scopeDepartments);
    model.addAttribute("statuses", Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList());
    model.addAttribute("channels", Channel.values());
    // a plain prefix, not a link expression per row: each @{…} goes through the resource URL encoding
    // (a webjars lookup on the classpath), which made a city-wide list of hundreds of cases take seconds
    model.addAttribute("caseLinkBase", request.getContextPath() + "/supervision/cases/");
    scope(model, agencies, scope);
    common(model, user, "cases");
    return "supervision/list";
  }

  @GetMapping("/export")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String filter,
      @RequestParam(required = false) String department, @RequestParam(required = false) String status,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String agency, @RequestParam(defaultValue = "csv") String format) {
    ExportFormat export = ExportFormat.parse("format", format);
    SupervisedAgencies.Scope scope = agencies.of(agency);
    CaseListCriteria criteria = CaseListCriteria.parse(filter, CaseFilter.OVERDUE, department, status, channel, sort,
        agencies.departments(scope));
    List<SupervisedCase> cases = watch.list(scope.codes(), criteria);
    return (scope.city() ? CaseListExport.ofAgencies(criteria.filter(), cases, agencies.names())
        : CaseListExport.of(criteria.filter(), cases)).download(export);
  }

  @GetMapping("/cases/{caseNumber}")
  String casePage(@PathVariable String caseNumber, Model model, Principal user) {
    CaseRecord c = casePage.fill(model, caseNumber);
    model.addAttribute("diagramUrl", "/supervision/cases/" + c.caseNumber() + "/diagram.bpmn");
    // Cockpit opens the instance by its id (the search by business key would show the raw variable filter); a
    // closed case's instance has ended, and the community Cockpit shows only running ones: no link then
    model.addAttribute("cockpitUrl", c.processInstanceId() == null || !c.isOpen() ? null
        : COCKPIT_INSTANCE + c.processInstanceId() + "/runtime");
    model.addAttribute("urgedWhom", urgedWhom(model));
    model.addAttribute("challenges", challenges.of(caseNumber));
    model.addAttribute("challengeKinds", LegalChallengeKind.values());
    model.addAttribute("challengeResults", LegalChallengeResult.values());
    common(model, user, "cases");
    return "supervision/case";
  }

  /** Who an urge reaches: the task's holder, else its department, else reception (not yet assigned). */
  private String urgedWhom(Model model) {
    CaseRecord c = (CaseRecord) model.getAttribute("c");
    CurrentTask task = (CurrentTask) model.getAttribute("task");
    if (task != null && task.assignee() != null) {
      return "承办人 " + casePage.displayName(task.assignee());
    }
    if (c.department() != null) {
      return "承办部门（" + departments.name(c.department()) + "）";
    }
    return "接待室（案件尚未分办到部门）";
  }

  @GetMapping(value = "/cases/{caseNumber}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> diagram(@PathVariable String caseNumber) {
    CaseRecord c = casePage.visible(caseNumber);
    return diagrams.of(c.processInstanceId())
        .map(d -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(d.xml()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping("/cases/{caseNumber}/urge")
  String urge(@PathVariable String caseNumber, @RequestParam(required = false) String note, Principal user,
      RedirectAttributes flash) {
    try {
      CaseUrged urged = urging.urge(CurrentUser.get(), caseNumber, note);
      CaseRecord c = register.get(urged.agencyCode(), caseNumber);
      flash.addFlashAttribute("message", urged.assignee() != null ? "已催办 " + casePage.displayName(urged.assignee())
          : c.department() == null ? "已催办接待室（案件尚未分办到部门）" : "已催办承办部门（" + departments.name(c.department()) + "）");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", e.errors().get(0).message());
    } catch (ConflictException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/supervision/cases/" + caseNumber;
  }

  @PostMapping("/cases/{caseNumber}/legal-challenges")
  String recordChallenge(@PathVariable String caseNumber, LegalChallengeForm form, Principal user,
      RedirectAttributes flash) {
    casePage.visible(caseNumber);
    return saveChallenge(caseNumber, flash, () -> challenges.record(caseNumber, form.toInput(), user.getName()),
        "已登记复议/诉讼");
  }

  @PostMapping("/cases/{caseNumber}/legal-challenges/{id}")
  String updateChallenge(@PathVariable String caseNumber, @PathVariable long id, LegalChallengeForm form,
      Principal user, RedirectAttributes flash) {
    casePage.visible(caseNumber);
    return saveChallenge(caseNumber, flash, () -> challenges.update(caseNumber, id, form.toInput(), user.getName()),
        "已更新复议/诉讼");
  }

  private static String saveChallenge(String caseNumber, RedirectAttributes flash, Runnable save, String done) {
    try {
      save.run();
      flash.addFlashAttribute("message", done);
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", "复议/诉讼未保存：" + describe(e.errors()));
    }
    return "redirect:/supervision/cases/" + caseNumber + "#legal";
  }

  private static String describe(List<FieldError> errors) {
    return String.join("；", errors.stream().map(e -> LegalChallengeForm.fieldLabel(e.field()) + e.message()).toList());
  }

  static void common(Model model, Principal user, String section) {
    model.addAttribute("user", user == null ? null : user.getName());
    model.addAttribute("section", section);
    model.addAttribute("cityWide", CurrentUser.get().cityWide());
  }

  /**
   * The agency the page is about and the choice of agency (for people in several agencies; the city's
   * supervisors also "全市"): {@code scope}, {@code agencyParam} for links, {@code agencyChoices},
   * {@code agencyNames}, {@code scopeName}.
   */
  static void scope(Model model, SupervisedAgencies agencies, SupervisedAgencies.Scope scope) {
    model.addAttribute("scope", scope);
    model.addAttribute("agencyParam", scope.param());
    model.addAttribute("agencyChoices", agencies.choices());
    model.addAttribute("agencyNames", agencies.names());
    model.addAttribute("scopeName", scope.city() ? "全市（" + scope.codes().size() + " 个机关）"
        : agencies.name(scope.codes().get(0)));
  }
}
