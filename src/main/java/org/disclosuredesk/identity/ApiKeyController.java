package org.disclosuredesk.identity;

import java.net.URI;
import java.util.List;
import org.disclosuredesk.web.ApiErrors;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/api-keys} (administrators): issue (the key is shown once), list, revoke. */
@RestController
@RequestMapping("/api/admin/api-keys")
class ApiKeyController {

  record IssueRequest(String account, String label) {}

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  @PostMapping
  ResponseEntity<ApiKeys.IssuedKey> issue(@RequestBody(required = false) IssueRequest request) {
    if (request == null) {
      throw new InvalidInputException("body", "请求体应为 {account, label}");
    }
    ApiKeys.IssuedKey issued = keys.issue(request.account(), request.label(), CurrentUser.get().id());
    return ResponseEntity.created(URI.create("/api/admin/api-keys/" + issued.id())).body(issued);
  }

  @GetMapping
  List<ApiKeys.ApiKey> list() {
    return keys.list();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<?> revoke(@PathVariable String id) {
    return keys.revoke(id, CurrentUser.get().id())
        ? ResponseEntity.noContent().build()
        : ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of("id", "没有这个 API 密钥"));
  }
}
