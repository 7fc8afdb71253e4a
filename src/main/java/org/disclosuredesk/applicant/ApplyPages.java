package org.disclosuredesk.applicant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.casefile.Delivery;
import org.disclosuredesk.casefile.IdType;
import org.disclosuredesk.casefile.InfoFormat;
import org.disclosuredesk.documents.DocumentKind;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.intake.Registration;
import org.disclosuredesk.intake.RegistrationRequest;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /apply/}: the online application (网上申请), no sign-in. The same registration and validation
 * as {@code POST /api/requests} (channel ONLINE: received on the day of confirmation, on a rest day the
 * next working day), behind a form challenge ({@link FormChallenge}), limits per address and per ID
 * number, and "the same request twice within a day shows the first case". The case, its route, its
 * acknowledgement and the applicant's materials are written in one transaction: a crash or a file that
 * cannot be stored leaves nothing, and the applicant's resubmission registers the whole application.
 */
@Controller
@RequestMapping("/apply")
class ApplyPages {

  static final String ACTOR = "online-applicant";
  private static final Logger log = LoggerFactory.getLogger(ApplyPages.class);

  private final CaseRegistration registration;
  private final CaseRegister register;
  private final FormChallenge challenge;
  private final LookupThrottle throttle;
  private final JdbcClient jdbc;
  private final Agencies agencies;
  private final AgencyClock today;
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final int perAddressPerHour;
  private final int perIdPerDay;
  private final ApplicantFiles files;
  private final TransactionTemplate transaction;

  ApplyPages(CaseRegistration registration, CaseRegister register, FormChallenge challenge, LookupThrottle throttle,
      JdbcClient jdbc, Agencies agencies, AgencyClock today, WorkingDayCalendar calendar, Clock clock, ApplicantFiles files,
      PlatformTransactionManager transactions,
      @Value("${disclosure-desk.public.applications-per-address-per-hour:10}") int perAddressPerHour,
      @Value("${disclosure-desk.public.applications-per-id-per-day:5}") int perIdPerDay) {
    this.registration = registration;
    this.register = register;
    this.challenge = challenge;
    this.throttle = throttle;
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.today = today;
    this.calendar = calendar;
    this.clock = clock;
    this.perAddressPerHour = perAddressPerHour;
    this.perIdPerDay = perIdPerDay;
    this.files = files;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** {@code /apply/?agency=housing} opens the form with that agency chosen (an agency's own web site links so). */
  @GetMapping({"", "/"})
  String form(@RequestParam(required = false) String agency, HttpSession session, Model model) {
    return form(session, model, agency == null ? Map.of() : Map.of("agency", agency), Map.of());
  }

  @PostMapping({"", "/"})
  String submit(@RequestParam Map<String, String> form,
      @RequestParam(name = "materials", required = false) List<MultipartFile> uploaded, HttpServletRequest request,
      HttpServletResponse response, HttpSession session, Model model) {
    List<MultipartFile> materials = ApplicantFiles.chosen(uploaded);
    response.setHeader("Cache-Control", "no-store");
    FormChallenge.Failure failure = challenge.check(session, form.get("challenge"), form.get("proof"));
    if (failure != FormChallenge.Failure.NONE) {
      response.setStatus(400);
      model.addAttribute("error", failure.message);
      return form(session, model, form, Map.of());
    }
    Map<String, String> errors = new LinkedHashMap<>();
    // the platform serves every agency: the applicant picks the one that holds the information
    String agencyCode = chosenAgency(form.get("agency"));
    if (agencyCode == null) {
      errors.put("agency", "请选择受理机关");
      agencyCode = agencies.defaultCode();
    }
    if (!"yes".equals(form.get("consent"))) {
      errors.put("consent", "请阅读并同意个人信息处理说明");
    }
    files.refusal(materials).ifPresent(e -> errors.put("materials", e));
    RegistrationRequest r = request(form);
    String idNumber = r.applicant().idNumber() == null ? "" : r.applicant().idNumber().strip().toUpperCase(Locale.ROOT);
    String fingerprint = fingerprint(idNumber, r.description());
    Optional<String> first = firstWithinADay(agencyCode, fingerprint);
    if (errors.isEmpty() && first.isPresent()) {
      CaseRecord c = register.get(agencyCode, first.get());
      model.addAttribute("duplicate", true);
      // the first case keeps what it was registered with: files chosen now are not added to it unseen
      model.addAttribute("materialsNotTaken", materials.size());
      return confirmation(model, c, null);
    }
    String address = "apply-ip:" + request.getRemoteAddr();
    String id = "apply-id:" + HexFormat.of().formatHex(FormChallenge.sha256(idNumber)).substring(0, 32);
    Optional<Long> wait = throttle.waitFor(address, perAddressPerHour, Duration.ofHours(1))
        .or(() -> throttle.waitFor(id, perIdPerDay, Duration.ofDays(1)));
    if (wait.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(wait.get()));
      model.addAttribute("error", "提交次数过多，请 " + (wait.get() + 59) / 60 + " 分钟后再试，或到接待室当面申请。");
      return form(session, model, form, Map.of());
    }
    if (!errors.isEmpty()) {
      // the consent alone does not spare the applicant the other messages
      try {
        registration.validate(agencyCode, r);
      } catch (InvalidInputException e) {
        e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
      }
      response.setStatus(400);
      return form(session, model, form, errors);
    }
    String holder = agencyCode;
    Registration done;
    try {
      done = transaction.execute(tx -> {
        Registration d = registration.registerAndStart(holder, r, null, ACTOR);
        jdbc.sql("insert into dd_online_application (fingerprint, agency_code, case_number, submitted_at) values (?, ?, ?, ?)")
            .params(fingerprint, holder, d.caseNumber(), LocalDateTime.now(clock)).update();
        files.store(d.caseNumber(), materials, DocumentKind.APPLICATION_MATERIAL);
        return d;
      });
    } catch (InvalidInputException e) {
      for (FieldError f : e.errors()) {
        errors.putIfAbsent(f.field(), f.message());
      }
      response.setStatus(400);
      return form(session, model, form, errors);
    } catch (RuntimeException e) {
      // the database or the store failed mid-way: everything was rolled back, the form is shown again as filled in
      log.error("online application to {} not registered", holder, e);
      response.setStatus(503);
      model.addAttribute("error", "系统暂时未能保存您的申请，本次提交未登记、文件也未保存。请稍后重新提交，或到接待室当面申请。");
      return form(session, model, form, Map.of());
    }
    throttle.count(address, Duration.ofHours(1));
    throttle.count(id, Duration.ofDays(1));
    model.addAttribute("materialsReceived", materials.size());
    response.setStatus(201);
    return confirmation(model, register.get(agencyCode, done.caseNumber()), done.verificationCode());
  }

  private String confirmation(Model model, CaseRecord c, String code) {
    model.addAttribute("c", c);
    model.addAttribute("code", code);
    model.addAttribute("submittedOn", today.today());
    model.addAttribute("onRestDay", c.receivedOn().isAfter(today.today()));
    model.addAttribute("agencyName", agencies.get(c.agencyCode()).name());
    return "apply/done";
  }

  private String form(HttpSession session, Model model, Map<String, String> values, Map<String, String> errors) {
    model.addAttribute("v", values);
    model.addAttribute("errors", errors);
    model.addAttribute("challenge", challenge.issue(session));
    model.addAttribute("bits", challenge.bits());
    model.addAttribute("applicantTypes", ApplicantType.values());
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("formats", InfoFormat.values());
    model.addAttribute("deliveries", Delivery.values());
    List<Agency> all = agencies.all();
    model.addAttribute("agencies", all);
    String chosen = chosenAgency(values.get("agency"));
    model.addAttribute("chosenAgency", chosen != null ? chosen : all.size() == 1 ? all.get(0).code() : "");
    LocalDate now = today.today();
    LocalDate counted = calendar.onOrNextWorkingDay(chosen != null ? chosen : agencies.defaultCode(), now);
    model.addAttribute("today", now);
    model.addAttribute("countedFrom", counted);
    return "apply/form";
  }

  /** The agency the form names, if it is one of the platform's; with a single agency, that one. */
  private String chosenAgency(String code) {
    if (code != null && agencies.find(code.strip()).isPresent()) {
      return code.strip();
    }
    List<Agency> all = agencies.all();
    return all.size() == 1 ? all.get(0).code() : null;
  }

  private Optional<String> firstWithinADay(String agencyCode, String fingerprint) {
    return jdbc.sql("select case_number from dd_online_application where fingerprint = ? and agency_code = ? "
            + "and submitted_at > ? order by submitted_at")
        .params(fingerprint, agencyCode, LocalDateTime.now(clock).minusDays(1))
        .query(String.class).list().stream().findFirst();
  }

  static String fingerprint(String idNumber, String description) {
    String d = description == null ? "" : description.replaceAll("\\s+", "");
    return HexFormat.of().formatHex(FormChallenge.sha256(idNumber + "\u0000" + d));
  }

  static RegistrationRequest request(Map<String, String> f) {
    return new RegistrationRequest(Channel.ONLINE, null,
        new RegistrationRequest.ApplicantInput(parse(ApplicantType.class, f.get("applicant.type")), f.get("applicant.name"),
            parse(IdType.class, f.get("applicant.idType")), f.get("applicant.idNumber"), f.get("applicant.phone"),
            f.get("applicant.email"), f.get("applicant.address"), f.get("applicant.contactPerson")),
        f.get("description"), f.get("purpose"), parse(InfoFormat.class, f.get("format")),
        parse(Delivery.class, f.get("delivery")), null);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
