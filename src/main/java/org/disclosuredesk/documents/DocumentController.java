package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
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

/** {@code /api/requests/{caseNumber}/documents}: attach, list, download, redaction proposals and burn-in. */
@RestController
@RequestMapping("/api/requests/{caseNumber}/documents")
class DocumentController {

  /** Body of the redaction call. */
  record RedactionRequest(List<RedactionArea> areas) {}

  private final Documents documents;

  DocumentController(Documents documents) {
    this.documents = documents;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> upload(@PathVariable String caseNumber,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(value = "kind", required = false) String kind) {
    if (file == null) {
      throw new InvalidInputException("file", "缺少文件（multipart 部分 file）");
    }
    DocumentInfo info = documents.upload(caseNumber, file.getOriginalFilename(), kind, () -> {
      try {
        return file.getInputStream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, CurrentUser.get());
    return ResponseEntity.created(URI.create("/api/requests/" + caseNumber + "/documents/" + info.id()))
        .body(summary(info));
  }

  @GetMapping
  List<DocumentInfo> list(@PathVariable String caseNumber) {
    return documents.list(caseNumber, CurrentUser.get());
  }

  @GetMapping("/{id}")
  ResponseEntity<Resource> download(@PathVariable String caseNumber, @PathVariable long id) {
    Documents.Opened opened = documents.open(caseNumber, id, CurrentUser.get());
    DocumentInfo info = opened.info();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(info.contentType()))
        .contentLength(info.size())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(info.name(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.ETAG, "\"" + info.sha256() + "\"")
        .body(new InputStreamResource(opened.content()));
  }

  @GetMapping("/{id}/redaction-proposals")
  List<RedactionArea.Proposal> proposals(@PathVariable String caseNumber, @PathVariable long id) {
    return documents.proposals(caseNumber, id, CurrentUser.get());
  }

  @PostMapping("/{id}/redactions")
  ResponseEntity<Map<String, Object>> redact(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody(required = false) RedactionRequest request) {
    if (request == null || request.areas() == null) {
      throw new InvalidInputException("areas", "至少标注一处遮盖区域");
    }
    DocumentInfo info = documents.redact(caseNumber, id, request.areas(), CurrentUser.get());
    Map<String, Object> body = summary(info);
    body.put("derivedFrom", info.derivedFrom());
    return ResponseEntity.created(URI.create("/api/requests/" + caseNumber + "/documents/" + info.id())).body(body);
  }

  @GetMapping("/{id}/redaction-plan")
  RedactionPlan plan(@PathVariable String caseNumber, @PathVariable long id) {
    return documents.plan(caseNumber, id, CurrentUser.get());
  }

  @PostMapping("/{id}/redaction-plan")
  RedactionPlan savePlan(@PathVariable String caseNumber, @PathVariable long id,
      @RequestBody(required = false) RedactionRequest request) {
    if (request == null || request.areas() == null) {
      throw new InvalidInputException("areas", "缺少 areas（可为空列表）");
    }
    return documents.savePlan(caseNumber, id, request.areas(), CurrentUser.get());
  }

  private static Map<String, Object> summary(DocumentInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", info.id());
    m.put("name", info.name());
    m.put("kind", info.kind().name());
    m.put("contentType", info.contentType());
    m.put("size", info.size());
    m.put("sha256", info.sha256());
    return m;
  }
}
