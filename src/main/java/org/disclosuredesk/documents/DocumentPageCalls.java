package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the documents and redaction pages' scripts call, with the browser session's user and the page's
 * CSRF token ({@link DocumentPagesSecurity}); the same service and rules as {@code /api/requests/{n}/documents}.
 */
@RestController
@RequestMapping("/documents/{caseNumber}/files")
class DocumentPageCalls {

  /** Body of a per-document review decision. */
  record DecisionRequest(DocumentDecision.Decision decision, org.disclosuredesk.casefile.WithholdingGround ground) {}

  private final Documents documents;
  private final DocumentReview review;

  DocumentPageCalls(Documents documents, DocumentReview review) {
    this.documents = documents;
    this.review = review;
  }

  @GetMapping("/decisions")
  List<DocumentDecision> decisions(@PathVariable String caseNumber) {
    return review.decisions(caseNumber, CurrentUser.get());
  }

  @PostMapping("/{id}/decision")
  DocumentDecision decide(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody(required = false) DecisionRequest request) {
    if (request == null) {
      throw new InvalidInputException("decision", "应为 RELEASE、RELEASE_REDACTED 或 WITHHOLD");
    }
    return review.decide(caseNumber, id, request.decision(), request.ground(), CurrentUser.get());
  }

  @GetMapping
  List<DocumentInfo> list(@PathVariable String caseNumber) {
    return documents.list(caseNumber, CurrentUser.get());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DocumentInfo upload(@PathVariable String caseNumber,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(value = "kind", required = false) String kind) {
    if (file == null) {
      throw new InvalidInputException("file", "缺少文件");
    }
    return documents.upload(caseNumber, file.getOriginalFilename(), kind, () -> {
      try {
        return file.getInputStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, CurrentUser.get());
  }

  @GetMapping("/{id}")
  ResponseEntity<Resource> content(@PathVariable String caseNumber, @PathVariable long id) {
    Documents.Opened opened = documents.open(caseNumber, id, CurrentUser.get());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(opened.info().contentType()))
        .contentLength(opened.info().size())
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new InputStreamResource(opened.content()));
  }

  @GetMapping("/{id}/proposals")
  List<RedactionArea.Proposal> proposals(@PathVariable String caseNumber, @PathVariable long id) {
    return documents.proposals(caseNumber, id, CurrentUser.get());
  }

  @GetMapping("/{id}/plan")
  RedactionPlan plan(@PathVariable String caseNumber, @PathVariable long id) {
    return documents.plan(caseNumber, id, CurrentUser.get());
  }

  @PostMapping("/{id}/plan")
  RedactionPlan savePlan(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody(required = false) DocumentController.RedactionRequest request) {
    if (request == null || request.areas() == null) {
      throw new InvalidInputException("areas", "缺少 areas（可为空列表）");
    }
    return documents.savePlan(caseNumber, id, request.areas(), CurrentUser.get());
  }

  @PostMapping("/{id}/redactions")
  Map<String, Object> redact(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody(required = false) DocumentController.RedactionRequest request) {
    if (request == null || request.areas() == null) {
      throw new InvalidInputException("areas", "至少标注一处遮盖区域");
    }
    DocumentInfo info = documents.redact(caseNumber, id, request.areas(), CurrentUser.get());
    return Map.of("id", info.id(), "name", info.name(), "derivedFrom", info.derivedFrom());
  }
}
