package org.disclosuredesk.applicant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.documents.DocumentInfo;
import org.disclosuredesk.documents.DocumentKind;
import org.disclosuredesk.documents.Documents;
import org.disclosuredesk.documents.ReleasedDocuments;
import org.disclosuredesk.intake.ApplicantActions;
import org.disclosuredesk.letters.IssuedLetter;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /track/}: the applicant's progress page (申请进度查询), no sign-in. The case number and code are
 * posted (never in a URL); a right code binds the case to the browser session for half an hour, and
 * letters are downloaded through short-lived tokens of that session. From here the applicant submits
 * the supplement and withdraws, exactly as reception would record them ({@link ApplicantActions}).
 */
@Controller
@RequestMapping("/track")
class TrackPages {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrackPages.class);

  static final String TRACKED = "applicant.trackedCase";
  static final String TOKENS = "applicant.letterTokens";
  static final Duration SESSION_CASE = Duration.ofMinutes(30);
  static final Duration LETTER_TOKEN = Duration.ofMinutes(10);

  /** The case this session proved its code for, until {@code until}. */
  record Tracked(String caseNumber, Instant until) implements java.io.Serializable {}

  /** A letter download allowed to this session until {@code until}. */
  record LetterToken(String caseNumber, long letterId, Instant until) implements java.io.Serializable {}

  static final String DOCUMENT_TOKENS = "applicant.documentTokens";

  private final PublicLookup lookup;
  private final LookupThrottle throttle;
  private final ApplicantActions actions;
  private final Letters letters;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private final ReleasedDocuments released;
  private final Agencies agencies;
  private final ApplicantFiles applicantFiles;
  private final TransactionTemplate transaction;
  private final CaseRegister register;

  TrackPages(PublicLookup lookup, LookupThrottle throttle, ApplicantActions actions, Letters letters, Clock clock,
      ReleasedDocuments released, Agencies agencies, ApplicantFiles applicantFiles, PlatformTransactionManager transactions,
      CaseRegister register) {
    this.register = register;
    this.applicantFiles = applicantFiles;
    this.transaction = new TransactionTemplate(transactions);
    this.released = released;
    this.agencies = agencies;
    this.lookup = lookup;
    this.throttle = throttle;
    this.actions = actions;
    this.letters = letters;
    this.clock = clock;
  }

  @GetMapping({"", "/"})
  String form() {
    return "track/form";
  }

  @PostMapping({"", "/"})
  String find(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String code,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("caseNumber", caseNumber);
    Optional<Long> wait = throttle.waitFor(request.getRemoteAddr());
    if (wait.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(wait.get()));
      model.addAttribute("error", "查询失败次数过多，请 " + (wait.get() + 59) / 60 + " 分钟后再试。");
      return "track/form";
    }
    Optional<PublicLookup.CaseProgress> found = lookup.find(caseNumber, code);
    if (found.isEmpty()) {
      throttle.failed(request.getRemoteAddr());
      response.setStatus(404);
      model.addAttribute("error", PublicLookupController.NOT_FOUND + "。请核对回执上的受理编号和查询码。");
      return "track/form";
    }
    request.changeSessionId();
    request.getSession().setAttribute(TRACKED,
        new Tracked(found.get().caseNumber(), clock.instant().plus(SESSION_CASE)));
    return "redirect:/track/case";
  }

  @GetMapping("/case")
  String showCase(HttpSession session, Model model) {
    Optional<String> tracked = tracked(session);
    if (tracked.isEmpty()) {
      return "redirect:/track/";
    }
    PublicLookup.CaseProgress progress = lookup.progressOf(tracked.get()).orElseThrow();
    Map<String, LetterToken> tokens = tokens(session);
    Instant now = clock.instant();
    tokens.values().removeIf(t -> t.until().isBefore(now));
    List<Map<String, Object>> downloads = progress.letters().stream().map(l -> {
      String token = token();
      tokens.put(token, new LetterToken(progress.caseNumber(), l.id(), now.plus(LETTER_TOKEN)));
      return Map.<String, Object>of("title", l.title(), "date", l.date(), "token", token);
    }).toList();
    session.setAttribute(TOKENS, tokens);
    // the released information itself (the whole document, or its redacted version) once the reply is out
    boolean replied = progress.stage().equals("已答复") || progress.stage().equals("已办结");
    Map<String, LetterToken> documentTokens = tokens(session, DOCUMENT_TOKENS);
    documentTokens.values().removeIf(t -> t.until().isBefore(now));
    // online for the download period after the reply (disclosure.documents.download-days), then at the agency
    Optional<CaseRecord> c = replied ? register.find(agencies.holderOf(progress.caseNumber()), progress.caseNumber())
        : Optional.empty();
    List<DocumentInfo> versions = c.map(r -> released.releasedVersions(r.agencyCode(), r.caseNumber())).orElse(List.of());
    boolean online = c.map(r -> released.downloadableOn(r, LocalDate.now(clock))).orElse(false);
    model.addAttribute("documentsUntil", c.flatMap(released::downloadableUntil).orElse(null));
    model.addAttribute("documentsExpired", !online && !versions.isEmpty());
    List<Map<String, Object>> documents = !online ? List.of() : versions.stream().map(d -> {
      String token = token();
      documentTokens.put(token, new LetterToken(progress.caseNumber(), d.id(), now.plus(LETTER_TOKEN)));
      return Map.<String, Object>of("name", d.name(), "size", Documents.size(d.size()), "token", token);
    }).toList();
    session.setAttribute(DOCUMENT_TOKENS, documentTokens);
    model.addAttribute("documents", documents);
    model.addAttribute("p", progress);
    model.addAttribute("downloads", downloads);
    model.addAttribute("mayWithdraw", !progress.stage().equals("已答复") && !progress.stage().equals("已办结"));
    model.addAttribute("maySupplement", progress.stage().equals("需补正"));
    return "track/case";
  }

  @GetMapping("/documents/{token}")
  ResponseEntity<?> document(@PathVariable String token, HttpSession session) {
    LetterToken t = tokens(session, DOCUMENT_TOKENS).get(token);
    Optional<String> tracked = tracked(session);
    if (t == null || t.until().isBefore(clock.instant()) || tracked.isEmpty() || !tracked.get().equals(t.caseNumber())) {
      return ResponseEntity.status(404).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body("下载链接已失效，请重新查询。");
    }
    if (!register.find(agencies.holderOf(t.caseNumber()), t.caseNumber())
        .map(c -> released.downloadableOn(c, LocalDate.now(clock))).orElse(false)) {
      return ResponseEntity.status(404).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body("网上下载期限已过，请与受理机关联系领取。");
    }
    return released.releasedFile(agencies.holderOf(t.caseNumber()), t.caseNumber(), t.letterId())
        .<ResponseEntity<?>>map(f -> ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(f.content()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/letters/{token}")
  ResponseEntity<?> letter(@PathVariable String token, @RequestParam(defaultValue = "html") String format,
      HttpSession session) {
    LetterToken t = tokens(session).get(token);
    Optional<String> tracked = tracked(session);
    if (t == null || t.until().isBefore(clock.instant()) || tracked.isEmpty() || !tracked.get().equals(t.caseNumber())) {
      return ResponseEntity.status(404).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
          .body("下载链接已失效，请重新查询。");
    }
    IssuedLetter letter = lookup.applicantLetter(t.caseNumber(), t.letterId()).orElse(null);
    if (letter == null) {
      return ResponseEntity.notFound().build();
    }
    if ("pdf".equals(format)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename(Letters.fileName(letter, "pdf"), StandardCharsets.UTF_8).build().toString())
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .body(letters.pdf(letter));
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(letters.html(letter));
  }

  @PostMapping("/supplement")
  String supplement(@RequestParam(required = false) String note,
      @RequestParam(name = "files", required = false) List<MultipartFile> uploaded, HttpSession session,
      RedirectAttributes flash) {
    List<MultipartFile> files = ApplicantFiles.chosen(uploaded);
    return act(session, flash, "补正已提交" + (files.isEmpty() ? "" : "（含 " + files.size() + " 个文件）")
        + "，答复期限自补正之日重新计算。", n -> {
      if (note == null || note.isBlank()) {
        throw new InvalidInputException("note", "请填写补正内容");
      }
      // every file checked before anything is recorded: a refused file changes nothing
      applicantFiles.refusal(files).ifPresent(e -> {
        throw new InvalidInputException("files", e);
      });
      // the supplement and its files commit together: a crash or a failed file leaves the case waiting as it was
      transaction.executeWithoutResult(tx -> {
        actions.supplementByApplicant(n, note.strip());
        applicantFiles.store(n, files, DocumentKind.SUPPLEMENT);
      });
    });
  }

  @PostMapping("/withdrawal")
  String withdrawal(@RequestParam(required = false) String note, @RequestParam(required = false) String confirm,
      HttpSession session, RedirectAttributes flash) {
    return act(session, flash, "申请已撤回。", n -> {
      if (!"yes".equals(confirm)) {
        throw new InvalidInputException("confirm", "请勾选确认撤回");
      }
      actions.withdrawByApplicant(n, note == null || note.isBlank() ? "申请人在网上撤回申请" : note.strip());
    });
  }

  @PostMapping("/leave")
  String leave(HttpSession session) {
    session.removeAttribute(TRACKED);
    session.removeAttribute(TOKENS);
    return "redirect:/track/";
  }

  private String act(HttpSession session, RedirectAttributes flash, String done,
      java.util.function.Consumer<String> action) {
    Optional<String> tracked = tracked(session);
    if (tracked.isEmpty()) {
      return "redirect:/track/";
    }
    try {
      action.accept(tracked.get());
      flash.addFlashAttribute("message", done);
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", "未提交：" + e.errors().get(0).message());
    } catch (ConflictException e) {
      flash.addFlashAttribute("error", "未提交：" + e.getMessage());
    } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
      // rolled back as a whole: the applicant is told so and may send it again
      log.error("applicant action on {} not recorded", tracked.get(), e);
      flash.addFlashAttribute("error", "未提交：系统暂时未能保存，本次提交未记录、文件也未保存，请稍后重试。");
    }
    return "redirect:/track/case";
  }

  private Optional<String> tracked(HttpSession session) {
    Object t = session.getAttribute(TRACKED);
    return t instanceof Tracked tr && tr.until().isAfter(clock.instant()) ? Optional.of(tr.caseNumber()) : Optional.empty();
  }

  private static Map<String, LetterToken> tokens(HttpSession session) {
    return tokens(session, TOKENS);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, LetterToken> tokens(HttpSession session, String attribute) {
    Object t = session.getAttribute(attribute);
    return t instanceof Map<?, ?> m ? (Map<String, LetterToken>) m : new ConcurrentHashMap<>();
  }

  private String token() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
