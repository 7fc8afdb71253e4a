package org.disclosuredesk.desk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.intake.ApplicantActions;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.letters.PdfFontMissingException;
import org.disclosuredesk.letters.PrintToolbar;
import org.disclosuredesk.supervision.CasePageModel;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

/** The reception desk's pages: today's queue, register, find, the case with its actions and letters. */
@Controller
@RequestMapping("/desk")
class DeskPages {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final ReceptionQueue queue;
  private final CaseSearch search;
  private final CasePageModel casePage;
  private final CaseRegister register;
  private final ApplicantActions applicantActions;
  private final DeliveryRecording delivery;
  private final Letters letters;
  private final org.disclosuredesk.agency.Departments departments;
  private final org.disclosuredesk.agency.CallerAgency callerAgency;
  private final Agencies agencies;
  private final AgencyClock clock;

  DeskPages(ReceptionQueue queue, CaseSearch search, CasePageModel casePage, CaseRegister register,
      ApplicantActions applicantActions, DeliveryRecording delivery, Letters letters,
      org.disclosuredesk.agency.Departments departments, org.disclosuredesk.agency.CallerAgency callerAgency,
      Agencies agencies, AgencyClock clock) {
    this.callerAgency = callerAgency;
    this.queue = queue;
    this.search = search;
    this.casePage = casePage;
    this.register = register;
    this.applicantActions = applicantActions;
    this.delivery = delivery;
    this.letters = letters;
    this.departments = departments;
    this.agencies = agencies;
    this.clock = clock;
  }

  @GetMapping("/login")
  String login() {
    return "desk/login";
  }

  @GetMapping("/forbidden")
  String forbidden(Model model) {
    model.addAttribute("status", 403);
    model.addAttribute("message", "接待室工作台仅限接待室人员和系统管理员使用。");
    return "desk/error";
  }

  @GetMapping({"", "/"})
  String today(Model model) {
    model.addAttribute("queue", queue.today(callerAgency.home(CurrentUser.get())));
    model.addAttribute("today", clock.today());
    return section(model, "today", "desk/today");
  }

  @GetMapping("/register")
  String registerPage(Model model) {
    model.addAttribute("channels", Channel.values());
    model.addAttribute("applicantTypes", ApplicantType.values());
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("formats", InfoFormat.values());
    model.addAttribute("deliveries", Delivery.values());
    model.addAttribute("departments", departments.of(callerAgency.home(CurrentUser.get())));
    model.addAttribute("today", clock.today());
    return section(model, "register", "desk/register");
  }

  @GetMapping("/cases")
  String find(@RequestParam(required = false) String q, Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("hits", search.find(callerAgency.home(CurrentUser.get()), q));
    model.addAttribute("searched", q != null && !q.isBlank());
    model.addAttribute("limit", CaseSearch.LIMIT);
    return section(model, "find", "desk/find");
  }

  @GetMapping("/cases/{caseNumber}")
  String casePage(@PathVariable String caseNumber, Model model) {
    CaseRecord c = casePage.fill(model, caseNumber);
    model.addAttribute("diagramUrl", "/desk/cases/" + c.caseNumber() + "/diagram.bpmn");
    model.addAttribute("letters", letters.list(c.agencyCode(), c.caseNumber()));
    model.addAttribute("deliveryOpen", delivery.openTask(c) != null);
    model.addAttribute("deliveryMethods", Map.of("PICKUP", "自行领取", "POST", "邮寄", "EMAIL", "电子邮件", "FAX", "传真",
        "OTHER", "其他"));
    model.addAttribute("deliveryMethodOrder", DeliveryRecording.METHODS);
    model.addAttribute("today", clock.today());
    return section(model, "find", "desk/case");
  }

  @GetMapping(value = "/cases/{caseNumber}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> diagram(@PathVariable String caseNumber) {
    return casePage.diagramXml(caseNumber)
        .map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @PostMapping("/cases/{caseNumber}/supplement")
  String supplement(@PathVariable String caseNumber,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
      @RequestParam(required = false) String note, RedirectAttributes flash) {
    return act(caseNumber, flash, "已登记补正，答复期限自补正之日重新计算",
        () -> applicantActions.supplement(caseNumber, new ApplicantActions.SupplementInput(receivedOn, note),
            CurrentUser.get().id()));
  }

  @PostMapping("/cases/{caseNumber}/withdrawal")
  String withdrawal(@PathVariable String caseNumber, @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    return act(caseNumber, flash, "已登记申请人撤回申请",
        () -> applicantActions.withdraw(caseNumber, new ApplicantActions.WithdrawalInput(note), CurrentUser.get().id()));
  }

  @PostMapping("/cases/{caseNumber}/delivery")
  String recordDelivery(@PathVariable String caseNumber,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
      @RequestParam(required = false) String deliveryMethod, @RequestParam(required = false) String deliveryNote,
      RedirectAttributes flash) {
    return act(caseNumber, flash, "已登记送达，案件办结",
        () -> delivery.record(caseNumber, deliveredOn, deliveryMethod, deliveryNote, CurrentUser.get()));
  }

  /** The receipt, issued on first request if the route has not yet; opened ready to print. */
  @GetMapping("/cases/{caseNumber}/receipt")
  ResponseEntity<?> receipt(@PathVariable String caseNumber, @RequestParam(defaultValue = "html") String format) {
    CaseRecord c = casePage.visible(caseNumber);
    IssuedLetter receipt = letters.latest(c.agencyCode(), c.caseNumber(), LetterType.RECEIPT)
        .orElseGet(() -> letters.issue(c.agencyCode(), c.caseNumber(), LetterType.RECEIPT, CurrentUser.get().id(),
            Map.of("delivery", "HANDED_OVER")));
    return document(receipt, format);
  }

  @GetMapping("/cases/{caseNumber}/letters/{id}")
  ResponseEntity<?> letter(@PathVariable String caseNumber, @PathVariable long id,
      @RequestParam(defaultValue = "html") String format) {
    CaseRecord c = casePage.visible(caseNumber);
    IssuedLetter letter = letters.find(c.agencyCode(), id).filter(l -> l.caseNumber().equals(c.caseNumber()))
        .orElseThrow(() -> new org.disclosuredesk.casefile.CaseNotFoundException(caseNumber + " 的文书 " + id));
    return document(letter, format);
  }

  private ResponseEntity<?> document(IssuedLetter letter, String format) {
    if ("pdf".equals(format)) {
      try {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename(Letters.fileName(letter, "pdf"), StandardCharsets.UTF_8).build().toString())
            .body(letters.pdf(letter));
      } catch (PdfFontMissingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(new MediaType("text", "plain",
            StandardCharsets.UTF_8)).body("PDF 暂不可用（HTML 文书可正常打印）：" + e.getMessage());
      }
    }
    if (!"html".equals(format)) {
      throw new InvalidInputException("format", "应为 html 或 pdf");
    }
    return ResponseEntity.ok().contentType(HTML).body(PrintToolbar.decorate(letters.html(letter), "?format=pdf"));
  }

  private static String act(String caseNumber, RedirectAttributes flash, String done, Runnable action) {
    try {
      action.run();
      flash.addFlashAttribute("message", done);
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", "未保存：" + describe(e.errors()));
    } catch (ConflictException e) {
      flash.addFlashAttribute("error", "未保存：" + e.getMessage());
    }
    return "redirect:/desk/cases/" + caseNumber;
  }

  private static String describe(List<FieldError> errors) {
    Map<String, String> labels = Map.of("receivedOn", "补正收到日期", "note", "说明", "deliveredOn", "送达日期",
        "deliveryMethod", "送达方式", "deliveryNote", "送达说明");
    return String.join("；", errors.stream().map(e -> labels.getOrDefault(e.field(), e.field()) + "：" + e.message())
        .toList());
  }

  private static String section(Model model, String section, String view) {
    model.addAttribute("section", section);
    return view;
  }
}
