package org.disclosuredesk.letters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.CaseAccess;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printable receipt and the letters of a case. Visible to whoever may see the case (404
 * otherwise); the receipt also to the online portal for the cases it submitted, which it hands to the applicant.
 */
@RestController
@RequestMapping("/api/requests/{caseNumber}")
class LetterController {

  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final Letters letters;
  private final CaseRegister register;
  private final Agencies agencies;
  private final CaseAccess access;

  LetterController(Letters letters, CaseRegister register, Agencies agencies, CaseAccess access) {
    this.access = access;
    this.letters = letters;
    this.register = register;
    this.agencies = agencies;
  }

  /** Letter list item: what was issued, when, by whom, and where to download it. */
  record LetterSummary(long id, String type, String title, String issuedAt, String issuedBy, String delivery,
      String recipient, String html, String pdf) {}

  /**
   * The receipt (回执) as issued; the first call issues it when the route has not yet (so GET stays
   * repeatable: one receipt per case, the same document every time).
   */
  @GetMapping("/receipt")
  @Transactional
  ResponseEntity<?> receipt(@PathVariable String caseNumber, @RequestParam(defaultValue = "html") String format) {
    CaseRecord c = visibleCase(caseNumber, true);
    IssuedLetter receipt = letters.latest(c.agencyCode(), c.caseNumber(), LetterType.RECEIPT)
        .orElseGet(() -> letters.issue(c.agencyCode(), c.caseNumber(), LetterType.RECEIPT, CurrentUser.get().id(),
            Map.of("delivery", "HANDED_OVER")));
    return document(receipt, format);
  }

  @GetMapping("/letters")
  List<LetterSummary> list(@PathVariable String caseNumber) {
    CaseRecord c = visibleCase(caseNumber, false);
    String base = "/api/requests/" + c.caseNumber() + "/letters/";
    return letters.list(c.agencyCode(), c.caseNumber()).stream()
        .map(l -> new LetterSummary(l.id(), l.type().name(), l.title(), l.issuedAt().toString(), l.issuedBy(),
            l.delivery(), l.recipient(), base + l.id() + "?format=html", base + l.id() + "?format=pdf"))
        .toList();
  }

  @GetMapping("/letters/{id}")
  ResponseEntity<?> letter(@PathVariable String caseNumber, @PathVariable long id,
      @RequestParam(defaultValue = "html") String format) {
    CaseRecord c = visibleCase(caseNumber, false);
    IssuedLetter letter = letters.find(c.agencyCode(), id)
        .filter(l -> l.caseNumber().equals(c.caseNumber()))
        .orElseThrow(() -> new CaseNotFoundException(caseNumber + " 的文书 " + id));
    return document(letter, format);
  }

  private ResponseEntity<?> document(IssuedLetter letter, String format) {
    return switch (format) {
      case "html" -> ResponseEntity.ok().contentType(HTML).body(PrintToolbar.decorate(letters.html(letter), "?format=pdf"));
      case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
              .filename(Letters.fileName(letter, "pdf"), StandardCharsets.UTF_8).build().toString())
          .body(letters.pdf(letter));
      default -> throw new InvalidInputException("format", "应为 html 或 pdf");
    };
  }

  /** No Chinese TrueType font on this machine: PDFs are off (HTML letters work), the message names the package. */
  @org.springframework.web.bind.annotation.ExceptionHandler(PdfFontMissingException.class)
  ResponseEntity<org.disclosuredesk.web.ApiErrors> noFont(PdfFontMissingException e) {
    return ResponseEntity.status(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE)
        .body(org.disclosuredesk.web.ApiErrors.of("format", e.getMessage()));
  }

  private CaseRecord visibleCase(String caseNumber, boolean portalToo) {
    CurrentUser user = CurrentUser.get();
    return register.find(agencies.holderOf(caseNumber), caseNumber)
        .filter(c -> access.maySee(user, c) || (portalToo && access.mayActForApplicant(user, c)))
        .orElseThrow(() -> new CaseNotFoundException(caseNumber));
  }
}
