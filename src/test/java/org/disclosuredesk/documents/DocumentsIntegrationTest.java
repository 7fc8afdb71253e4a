package org.disclosuredesk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** {@code /api/requests/{n}/documents}: attach, list, download per role; every bad file refused with nothing stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "disclosure.documents.max-file-size=300KB",
    "disclosure.documents.max-case-size=600KB",
    "disclosure.documents.max-pdf-pages=30",
    "disclosure.documents.max-pdf-decoded-size=1MB",
    "disclosure.documents.max-zip-entries=50",
    "disclosure.documents.max-zip-uncompressed-size=1MB"})
@ActiveProfiles("test")
class DocumentsIntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CaseRegister register;
  @Autowired org.disclosuredesk.route.RouteTestSupport route;
  @Autowired DocumentReview review;
  @Autowired OfficeConverter converter;
  final HttpClient http = HttpClient.newHttpClient();
  ApiClient api;
  String walkIn;

  record Reply(int status, byte[] body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError(new String(body, StandardCharsets.UTF_8), e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    at("2026-03-02T09:00");
    walkIn = api.post("reception", "/api/requests", RequestJson.WALK_IN).json().path("caseNumber").asText();
    register.setDepartment("default", walkIn, "planning");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- upload, list, download -----------------------------------------------------------------------

  @Test
  void officerUploadsEveryoneWhoSeesTheCaseListsAndDownloadsTheExactBytes() throws Exception {
    byte[] pdf = TestPdfs.withPersonalData(1);
    Reply created = upload("officer-planning", walkIn, "批复 文件.PDF", pdf, "RESPONSIVE");

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode doc = created.json();
    assertThat(doc.path("name").asText()).isEqualTo("批复 文件.pdf");
    assertThat(doc.path("kind").asText()).isEqualTo("RESPONSIVE");
    assertThat(doc.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(doc.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(doc.path("sha256").asText()).isEqualTo(sha256(pdf));
    long id = doc.path("id").asLong();

    Reply list = get("supervisor", "/api/requests/" + walkIn + "/documents");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).path("uploadedBy").asText()).isEqualTo("officer-planning");
    assertThat(list.json().get(0).path("uploadedAt").asText()).isNotEmpty();

    Reply download = get("reception", "/api/requests/" + walkIn + "/documents/" + id);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''%E6%89%B9%E5%A4%8D%20%E6%96%87%E4%BB%B6.pdf");

    // the same bytes again (e.g. the same scan on another case): stored once
    long contents = count("dd_document_content");
    long documents = count("dd_document");
    assertThat(upload("reception", walkIn, "copy.pdf", pdf, "APPLICATION_MATERIAL").status()).isEqualTo(201);
    assertThat(count("dd_document")).isEqualTo(documents + 1);
    assertThat(count("dd_document_content")).isEqualTo(contents);

    JsonNode timeline = api.get("supervisor", "/api/requests/" + walkIn).json().path("timeline");
    assertThat(timeline.findValuesAsText("kind")).contains("DOCUMENT_UPLOADED", "DOCUMENT_VIEWED");
    assertThat(events("DOCUMENT_UPLOADED")).containsExactly("officer-planning", "reception");
    assertThat(events("DOCUMENT_VIEWED")).containsExactly("reception");
  }

  @Test
  void whoMaySeeTheCaseMaySeeItsDocumentsAndOthersFindNothing() throws Exception {
    long id = upload("officer-planning", walkIn, "a.pdf", TestPdfs.blank(1), null).json().path("id").asLong();
    String list = "/api/requests/" + walkIn + "/documents";

    assertThat(get("officer-finance", list).status()).isEqualTo(404);
    assertThat(get("officer-finance", list + "/" + id).status()).isEqualTo(404);
    assertThat(upload("officer-finance", walkIn, "b.pdf", TestPdfs.blank(2), null).status()).isEqualTo(404);
    assertThat(get("portal", list).status()).isEqualTo(404);
    assertThat(get("portal", list + "/" + id).status()).isEqualTo(404);
    assertThat(upload("portal", walkIn, "b.pdf", TestPdfs.blank(2), "SUPPLEMENT").status()).isEqualTo(404);
    assertThat(get("reviewer", list).status()).isEqualTo(404);
    assertThat(get(null, list).status()).isEqualTo(401);
    assertThat(get("officer-planning", list + "/999999").status()).isEqualTo(404);
    assertThat(get("officer-planning", "/api/requests/GK-2026-99999/documents").status()).isEqualTo(404);

    Reply supervisorUpload = upload("supervisor", walkIn, "b.pdf", TestPdfs.blank(2), null);
    assertThat(supervisorUpload.status()).isEqualTo(403);
    assertThat(supervisorUpload.json().path("errors").get(0).path("message").asText()).contains("无权");
    assertThat(upload("admin", walkIn, "c.pdf", TestPdfs.blank(3), null).status()).isEqualTo(201);

    // the portal attaches the applicant's materials to the cases it registered, nothing else
    String online = api.post("portal", "/api/requests", RequestJson.WALK_IN.replace("IN_PERSON", "ONLINE"))
        .json().path("caseNumber").asText();
    assertThat(upload("portal", online, "id-copy.png", png(2000), "APPLICATION_MATERIAL").status()).isEqualTo(201);
    assertThat(upload("portal", online, "x.pdf", TestPdfs.blank(1), "RESPONSIVE").status()).isEqualTo(403);
    assertThat(upload("officer-planning", walkIn, "x.pdf", TestPdfs.blank(4), "REDACTED").status()).isEqualTo(400);
    assertThat(upload("officer-planning", walkIn, "x.pdf", TestPdfs.blank(4), "LETTER").status()).isEqualTo(400);
  }

  // --- refused files ---------------------------------------------------------------------------------

  @Test
  void badFilesAreRefusedWithAClearMessageAndNothingStored() throws Exception {
    Map<String, Long> before = counts();

    refused(upload("reception", walkIn, "scan.pdf", exe(), null), 415, "可执行程序");
    refused(upload("reception", walkIn, "notes.pdf", "just some text".getBytes(StandardCharsets.UTF_8), null), 415,
        "无法识别");
    refused(upload("reception", walkIn, "old.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4},
        null), 415, "旧版 Office");
    refused(upload("reception", walkIn, "locked.pdf", TestPdfs.encrypted("open-secret"), null), 400, "打开密码");
    refused(upload("reception", walkIn, "owner.pdf", TestPdfs.encrypted(""), null), 400, "已加密");
    refused(upload("reception", walkIn, "many.pdf", TestPdfs.blank(31), null), 400, "页数超过上限 30 页");
    refused(upload("reception", walkIn, "bomb.pdf", flateBombPdf(), null), 400, "PDF 炸弹");
    refused(upload("reception", walkIn, "broken.pdf", "%PDF-1.7\n garbage".getBytes(StandardCharsets.US_ASCII), null),
        400, "损坏");
    refused(upload("reception", walkIn, "bomb.docx", zipBomb(), null), 400, "压缩炸弹");
    refused(upload("reception", walkIn, "many.xlsx", manyEntries(60), null), 400, "条目超过 50 个");
    refused(upload("reception", walkIn, "plain.docx", zip(Map.of("hello.txt", new byte[10])), null), 415, "Office");
    refused(upload("reception", walkIn, "empty.pdf", new byte[0], null), 400, "文件为空");
    refused(upload("reception", walkIn, "big.png", png(301 * 1024), null), 413, "单个文件上限");
    Reply noFile = send("reception", "/api/requests/" + walkIn + "/documents", multipart(null, null, "RESPONSIVE"));
    refused(noFile, 400, "缺少文件");

    assertThat(counts()).isEqualTo(before);

    // the case's total: two files fit, the third would exceed 600 KB
    assertThat(upload("reception", walkIn, "1.png", png(250 * 1024), null).status()).isEqualTo(201);
    assertThat(upload("reception", walkIn, "2.png", png(250 * 1024 + 1), null).status()).isEqualTo(201);
    Map<String, Long> two = counts();
    refused(upload("reception", walkIn, "3.png", png(250 * 1024 + 2), null), 413, "本案文件总量");
    assertThat(counts()).isEqualTo(two);

    // what is allowed, detected from the content whatever the name says
    Reply docx = upload("reception", walkIn, "letter.pdf", zip(Map.of("[Content_Types].xml", new byte[10],
        "word/document.xml", new byte[100])), null);
    assertThat(docx.status()).isEqualTo(201);
    assertThat(docx.json().path("contentType").asText()).endsWith("wordprocessingml.document");
    assertThat(docx.json().path("name").asText()).isEqualTo("letter.docx");
  }

  @Test
  void storedContentThatNoLongerMatchesItsHashIsNeverServed() throws Exception {
    byte[] pdf = TestPdfs.blank(1);
    long id = upload("officer-planning", walkIn, "a.pdf", pdf, null).json().path("id").asLong();
    byte[] tampered = Arrays.copyOf(pdf, pdf.length);
    tampered[tampered.length / 2] ^= 1;
    jdbc.sql("update dd_document_content set content = ? where sha256 = ?").params(tampered, sha256(pdf)).update();

    Reply download = get("officer-planning", "/api/requests/" + walkIn + "/documents/" + id);

    assertThat(download.status()).isEqualTo(500);
    assertThat(download.json().path("errors").get(0).path("message").asText()).contains("校验失败");
    assertThat(download.text()).doesNotContain("%PDF");
  }

  // --- redaction ---------------------------------------------------------------------------------------

  @Test
  void theOfficerRedactsTheProposalsAndANameTheReleasedVersionHidesThemTheOriginalStays() throws Exception {
    byte[] pdf = TestPdfs.withPersonalData(1);
    long id = upload("officer-planning", walkIn, "memo.pdf", pdf, "RESPONSIVE").json().path("id").asLong();
    String base = "/api/requests/" + walkIn + "/documents/" + id;

    Reply proposals = get("officer-planning", base + "/redaction-proposals");
    assertThat(proposals.status()).as(proposals.text()).isEqualTo(200);
    assertThat(proposals.json().findValuesAsText("kind")).containsExactlyInAnyOrder("RESIDENT_ID", "MOBILE", "EMAIL");
    assertThat(get("reception", base + "/redaction-proposals").status()).isEqualTo(403);
    assertThat(get("officer-finance", base + "/redaction-proposals").status()).isEqualTo(404);

    StringBuilder areas = new StringBuilder("{\"areas\":[");
    for (JsonNode p : proposals.json()) {
      areas.append("{\"page\":%d,\"x\":%s,\"y\":%s,\"width\":%s,\"height\":%s,\"unit\":\"pt\",\"ground\":\"%s\",\"label\":\"个人隐私\"},"
          .formatted(p.path("page").asInt(), p.path("x").asText(), p.path("y").asText(), p.path("width").asText(),
              p.path("height").asText(), p.path("ground").asText()));
    }
    // the name by hand, as fractions of the page (what a browser overlay measures)
    double top = (TestPdfs.PAGE_HEIGHT - TestPdfs.NAME_BASELINE - 12) / TestPdfs.PAGE_HEIGHT;
    areas.append("{\"page\":1,\"x\":0.11,\"y\":%s,\"width\":0.3,\"height\":0.025,\"unit\":\"fraction\",\"ground\":\"THIRD_PARTY_RIGHTS\",\"label\":\"个人隐私\"}]}"
        .formatted(top));

    assertThat(api.post("reception", base + "/redactions", areas.toString()).status()).isEqualTo(403);
    assertThat(api.post("officer-planning", base + "/redactions", "{\"areas\":[]}").status()).isEqualTo(400);
    ApiClient.Response redacted = api.post("officer-planning", base + "/redactions", areas.toString());
    assertThat(redacted.status()).as(redacted.body()).isEqualTo(201);
    assertThat(redacted.json().path("kind").asText()).isEqualTo("REDACTED");
    assertThat(redacted.json().path("derivedFrom").asLong()).isEqualTo(id);
    assertThat(redacted.json().path("name").asText()).isEqualTo("memo（遮盖处理后）.pdf");

    Reply released = get("officer-planning", "/api/requests/" + walkIn + "/documents/" + redacted.json().path("id").asLong());
    assertThat(released.status()).isEqualTo(200);
    try (PDDocument out = Loader.loadPDF(released.body())) {
      String text = new PDFTextStripper().getText(out);
      assertThat(text).doesNotContain(TestPdfs.ID, TestPdfs.PHONE, TestPdfs.EMAIL, TestPdfs.NAME, "approved plan");
      assertThat(out.getDocumentInformation().getTitle()).isNull();
    }
    assertThat(get("officer-planning", base).body()).isEqualTo(pdf);
    assertThat(events("DOCUMENT_REDACTED")).containsExactly("officer-planning");
    assertThat(jdbc.sql("select detail from dd_case_event where kind = 'DOCUMENT_REDACTED' and case_number = ?").param(walkIn)
        .query(String.class).single())
        .contains("「第十五条 个人隐私」4 处");
  }

  /**
   * The reviewer changes the department's redactions during the review (a further area, a new burnt-in version),
   * releases that version, and may not change them before (the case is not theirs to see) or after the review.
   */
  @Test
  void theReviewerChangesTheRedactionsDuringTheReviewOnly() throws Exception {
    // a plain page: three burnt-in versions stay within this context's 600 KB per case
    long id = upload("officer-planning", walkIn, "memo.pdf", TestPdfs.blank(1), "RESPONSIVE").json().path("id").asLong();
    String base = "/api/requests/" + walkIn + "/documents/" + id;
    String idOnly = "{\"areas\":[{\"page\":1,\"x\":0.1,\"y\":0.2,\"width\":0.4,\"height\":0.03,"
        + "\"unit\":\"fraction\",\"ground\":\"THIRD_PARTY_RIGHTS\"}]}";
    assertThat(api.post("officer-planning", base + "/redactions", idOnly).status()).isEqualTo(201);
    // before the review the reviewer does not see the case at all
    assertThat(api.post("reviewer", base + "/redaction-plan", idOnly).status()).as("before the review").isEqualTo(404);

    var pi = route.instanceOf(walkIn);
    route.acceptFor(pi, "planning");
    route.propose(pi, "DISCLOSE");
    assertThat(register.get("default", walkIn).status()).isEqualTo(org.disclosuredesk.casefile.CaseStatus.IN_REVIEW);
    String withName = idOnly.replace("}]}", "},{\"page\":1,\"x\":0.1,\"y\":0.05,\"width\":0.3,\"height\":0.03,"
        + "\"unit\":\"fraction\",\"ground\":\"THIRD_PARTY_RIGHTS\",\"label\":\"个人隐私\"}]}");
    assertThat(get("reviewer", base + "/redaction-proposals").status()).isEqualTo(200);
    // another agency's reviewer finds nothing; reception, not a reviewer, may not redact
    assertThat(api.post("housing-reviewer", base + "/redaction-plan", idOnly).status()).isEqualTo(404);
    assertThat(api.post("reception", base + "/redactions", idOnly).status()).isEqualTo(403);
    assertThat(api.post("reviewer", base + "/redaction-plan", withName).status()).isEqualTo(200);
    ApiClient.Response second = api.post("reviewer", base + "/redactions", withName);
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(events("DOCUMENT_REDACTED")).containsExactly("officer-planning", "reviewer");
    assertThat(get("officer-planning", base + "/redaction-plan").json().path("areas")).hasSize(2);

    // released: the reviewer's version, the latest
    DocumentDecision decided = review.decide(walkIn, id, DocumentDecision.Decision.RELEASE_REDACTED, null,
        new org.disclosuredesk.identity.CurrentUser("reviewer", java.util.Set.of(org.disclosuredesk.identity.Groups.CONFIDENTIALITY),
            java.util.Set.of("default")));
    assertThat(decided.releasedDocumentId()).isEqualTo(second.json().path("id").asLong());
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
    assertThat(api.post("reviewer", base + "/redactions", idOnly).status()).as("after the review").isEqualTo(403);
  }

  /** A Word document whose two paragraphs carry the name and the resident ID number. */
  static byte[] docx() throws IOException {
    Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
    parts.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
        + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
    parts.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        + "officeDocument\" Target=\"word/document.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
    parts.put("word/document.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        + "<w:p><w:r><w:t>Name: " + TestPdfs.NAME + "</w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>ID: " + TestPdfs.ID + "</w:t></w:r></w:p>"
        + "</w:body></w:document>").getBytes(StandardCharsets.UTF_8));
    return zip(parts);
  }

  /**
   * A responsive DOCX is converted to PDF by LibreOffice (installed by .ci/run): the PDF version carries the text,
   * gets the automatic proposals, is redacted, and is what the review releases, whole or redacted.
   */
  @Test
  void aResponsiveWordDocumentIsConvertedRedactedAndReleasedAsPdf() throws Exception {
    assertThat(converter.available()).as("LibreOffice (soffice) on the PATH: .ci/run installs it, README names it")
        .isTrue();
    // the PDF version is made by the server, never uploaded as such
    refused(upload("officer-planning", walkIn, "材料清单.pdf", TestPdfs.blank(1), "CONVERTED"), 400, "由系统生成");
    Reply uploaded = upload("officer-planning", walkIn, "材料清单.docx", docx(), "RESPONSIVE");
    assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
    long docxId = uploaded.json().path("id").asLong();
    JsonNode converted = null;
    for (JsonNode d : get("officer-planning", "/api/requests/" + walkIn + "/documents").json()) {
      if ("CONVERTED".equals(d.path("kind").asText())) {
        converted = d;
      }
    }
    assertThat(converted).as("the PDF version").isNotNull();
    long convertedId = converted.path("id").asLong();
    assertThat(converted.path("derivedFrom").asLong()).isEqualTo(docxId);
    assertThat(converted.path("name").asText()).isEqualTo("材料清单（PDF 版本）.pdf");
    String base = "/api/requests/" + walkIn + "/documents/" + converted.path("id").asLong();
    try (PDDocument pdf = Loader.loadPDF(get("officer-planning", base).body())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains(TestPdfs.NAME).contains(TestPdfs.ID);
    }
    assertThat(events("DOCUMENT_CONVERTED")).containsExactly("officer-planning");
    JsonNode proposals = get("officer-planning", base + "/redaction-proposals").json();
    assertThat(proposals.findValuesAsText("kind")).contains("RESIDENT_ID");
    JsonNode p = proposals.get(0);
    String areas = "{\"areas\":[{\"page\":%d,\"x\":%s,\"y\":%s,\"width\":%s,\"height\":%s,\"unit\":\"pt\",\"ground\":\"%s\"}]}"
        .formatted(p.path("page").asInt(), p.path("x").asText(), p.path("y").asText(), p.path("width").asText(),
            p.path("height").asText(), p.path("ground").asText());
    // as the redaction page does: the plan saved on the PDF version, then burnt in
    assertThat(api.post("officer-planning", base + "/redaction-plan", areas).status()).isEqualTo(200);
    ApiClient.Response redacted = api.post("officer-planning", base + "/redactions", areas);
    assertThat(redacted.status()).as(redacted.body()).isEqualTo(201);

    var pi = route.instanceOf(walkIn);
    route.acceptFor(pi, "planning");
    route.propose(pi, "DISCLOSE");
    var reviewer = new org.disclosuredesk.identity.CurrentUser("reviewer",
        java.util.Set.of(org.disclosuredesk.identity.Groups.CONFIDENTIALITY), java.util.Set.of("default"));
    review.decide(walkIn, docxId, DocumentDecision.Decision.RELEASE, null, reviewer);
    assertThat(review.released("default", walkIn)).singleElement()
        .satisfies(r -> assertThat(r.version().id()).isEqualTo(convertedId));
    review.decide(walkIn, docxId, DocumentDecision.Decision.RELEASE_REDACTED, null, reviewer);
    assertThat(review.released("default", walkIn)).singleElement()
        .satisfies(r -> assertThat(r.version().id()).isEqualTo(redacted.json().path("id").asLong()));
    assertThat(review.withheldParts("default", walkIn)).singleElement()
        .satisfies(w -> assertThat(w.description()).isEqualTo("《材料清单.docx》中遮盖的 1 处内容"));
  }

  // --- helpers -----------------------------------------------------------------------------------------

  void refused(Reply reply, int status, String message) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(reply.json().path("errors").get(0).path("message").asText()).contains(message);
  }

  Map<String, Long> counts() {
    return Map.of("documents", count("dd_document"), "contents", count("dd_document_content"),
        "events", count("dd_case_event"));
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  java.util.List<String> events(String kind) {
    return jdbc.sql("select actor from dd_case_event where case_number = ? and kind = ? order by id")
        .params(walkIn, kind).query(String.class).list();
  }

  Reply upload(String user, String caseNumber, String fileName, byte[] content, String kind) {
    return send(user, "/api/requests/" + caseNumber + "/documents", multipart(fileName, content, kind));
  }

  Reply get(String user, String path) {
    return exchange(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
  }

  Reply send(String user, String path, Multipart body) {
    return exchange(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + body.boundary())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  Reply exchange(String user, HttpRequest.Builder b) {
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  record Multipart(String boundary, byte[] bytes) {}

  static Multipart multipart(String fileName, byte[] content, String kind) {
    String boundary = "----dd" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (content != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (kind != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart(boundary, out.toByteArray());
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** A Windows program's first bytes ("MZ" header), however it is named. */
  static byte[] exe() {
    byte[] b = new byte[4096];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80;
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  /** PNG signature then filler: only the magic bytes are looked at. */
  static byte[] png(int size) {
    byte[] b = new byte[size];
    new java.util.Random(size).nextBytes(b);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(magic, 0, b, 0, magic.length);
    return b;
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A DOCX whose document.xml expands to 5 MB of zeros (a few KB compressed). */
  static byte[] zipBomb() throws IOException {
    return zip(Map.of("[Content_Types].xml", new byte[10], "word/document.xml", new byte[5 * 1024 * 1024]));
  }

  static byte[] manyEntries(int n) throws IOException {
    Map<String, byte[]> entries = new java.util.HashMap<>();
    entries.put("[Content_Types].xml", new byte[1]);
    entries.put("xl/workbook.xml", new byte[1]);
    for (int i = 0; i < n; i++) {
      entries.put("xl/sheet" + i + ".xml", new byte[1]);
    }
    return zip(entries);
  }

  /** A one-page PDF carrying a Flate stream that expands to 5 MB (a few KB in the file). */
  static byte[] flateBombPdf() throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      PDStream bomb = new PDStream(doc, new ByteArrayInputStream(new byte[5 * 1024 * 1024]), COSName.FLATE_DECODE);
      doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Bomb"), bomb);
      doc.save(out);
      return out.toByteArray();
    }
  }
}
