package org.disclosuredesk.documents;

import java.util.Arrays;
import java.util.List;
import org.disclosuredesk.casefile.WithholdingGround;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The documents page of a case and the redaction page of one document. The pages carry no case data: their
 * scripts read it from {@code /api/requests/{n}/documents…} with the caller's Tasklist (or API) sign-in, so
 * the API's access rules are the only ones (not found for a case the caller may not see; reviewers read only).
 */
@Controller
class RedactionPage {

  /** A withholding ground as the page's selector shows it. */
  record GroundOption(String name, String text) {}

  private final DocumentReview review;

  private final Documents documents;

  RedactionPage(DocumentReview review, Documents documents) {
    this.review = review;
    this.documents = documents;
  }

  /**
   * The cover sheet for pickup or post: the case number and the released versions (what may leave the
   * agency), printable. Under {@code /files}, so it needs a sign-in and the case's visibility.
   */
  @GetMapping("/documents/{caseNumber}/files/release-sheet")
  String releaseSheet(@PathVariable String caseNumber, Model model) {
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("released", review.releasedFor(caseNumber, org.disclosuredesk.identity.CurrentUser.get()));
    return "documents/release-sheet";
  }

  @GetMapping("/documents/{caseNumber}")
  String documents(@PathVariable String caseNumber, Model model) {
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("grounds", grounds());
    model.addAttribute("convertsOffice", documents.convertsOfficeDocuments());
    return "documents/list";
  }

  @GetMapping("/documents/{caseNumber}/{id}/redact")
  String redact(@PathVariable String caseNumber, @PathVariable long id, Model model) {
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("documentId", id);
    model.addAttribute("grounds", grounds());
    return "documents/redact";
  }

  static List<GroundOption> grounds() {
    return Arrays.stream(WithholdingGround.values())
        .map(g -> new GroundOption(g.name(), g.article().split("、")[0] + " " + g.label()))
        .toList();
  }

  /** PDF.js is shipped as ES modules (.mjs): browsers run module scripts only with a JavaScript type. */
  @Bean
  static WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> moduleScriptType() {
    return factory -> {
      MimeMappings mappings = new MimeMappings(MimeMappings.DEFAULT);
      mappings.add("mjs", "text/javascript");
      factory.setMimeMappings(mappings);
    };
  }
}
