package org.disclosuredesk.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.support.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** {@code POST /api/public/lookup}, verification codes and their reissue (issue 14). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicLookupIntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired org.disclosuredesk.route.RouteTestSupport route;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    at("2026-03-02T09:00");
    jdbc.sql("delete from dd_public_throttle").update();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  record Lookup(int status, JsonNode body, String retryAfter) {}

  Lookup lookup(String address, String caseNumber, String code) throws Exception {
    String body = JSON.writeValueAsString(java.util.Map.of("caseNumber", caseNumber, "code", code));
    MvcResult r = mvc.perform(post("/api/public/lookup").contentType(MediaType.APPLICATION_JSON).content(body)
        .with(req -> {
          req.setRemoteAddr(address);
          return req;
        })).andReturn();
    String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    return new Lookup(r.getResponse().getStatus(), text.isEmpty() ? null : JSON.readTree(text),
        r.getResponse().getHeader("Retry-After"));
  }

  Response register() {
    Response created = api.post("reception", "/api/requests", RequestJson.WALK_IN);
    assertThat(created.status()).isEqualTo(201);
    return created;
  }

  @Test
  void theRightCodeShowsTheCaseInPlainWords() throws Exception {
    Response created = register();
    String caseNumber = created.json().path("caseNumber").asText();
    String code = created.json().path("verificationCode").asText();
    assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
    String stored = jdbc.sql("select code_hash from dd_verification_code where case_number = ?").param(caseNumber)
        .query(String.class).single();
    assertThat(stored).hasSize(64).doesNotContain(code.replace("-", ""));

    Lookup found = lookup("10.0.0.1", caseNumber, code);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body().path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(found.body().path("receivedOn").asText()).isEqualTo("2026-03-02");
    assertThat(found.body().path("dueOn").asText()).isEqualTo("2026-03-30");
    assertThat(found.body().path("stage").asText()).isIn("已登记", "办理中");
    assertThat(found.body().path("agency").asText()).isNotBlank();
    assertThat(found.body().path("notices").isArray()).isTrue();
    // typed loosely: lower case, without the dash
    assertThat(lookup("10.0.0.1", caseNumber.toLowerCase(), code.replace("-", "").toLowerCase()).status())
        .isEqualTo(200);
  }

  @Test
  void aWrongCodeAndAWrongNumberGetTheSameNotFound() throws Exception {
    Response created = register();
    String caseNumber = created.json().path("caseNumber").asText();
    String code = created.json().path("verificationCode").asText();
    String other = register().json().path("verificationCode").asText();

    Lookup wrongCode = lookup("10.0.0.2", caseNumber, "ABCDE-FGHJK");
    Lookup otherCasesCode = lookup("10.0.0.2", caseNumber, other);
    Lookup wrongNumber = lookup("10.0.0.2", "GK-2026-99999", code);
    Lookup otherAgency = lookup("10.0.0.2", caseNumber.replace("GK-", "XX-"), code);
    Lookup garbage = lookup("10.0.0.2", "", "x");
    for (Lookup l : new Lookup[] {wrongCode, otherCasesCode, wrongNumber, otherAgency, garbage}) {
      assertThat(l.status()).isEqualTo(404);
      assertThat(l.body()).isEqualTo(wrongCode.body());
    }
  }

  @Test
  void aReissuedCodeReplacesTheOldOne() throws Exception {
    Response created = register();
    String caseNumber = created.json().path("caseNumber").asText();
    String old = created.json().path("verificationCode").asText();

    assertThat(api.post("portal", "/api/requests/" + caseNumber + "/verification-code", "").status()).isEqualTo(403);
    Response reissued = api.post("reception", "/api/requests/" + caseNumber + "/verification-code", "");
    assertThat(reissued.status()).isEqualTo(200);
    String fresh = reissued.json().path("verificationCode").asText();
    assertThat(fresh).isNotEqualTo(old);

    assertThat(lookup("10.0.0.3", caseNumber, old).status()).isEqualTo(404);
    assertThat(lookup("10.0.0.3", caseNumber, fresh).status()).isEqualTo(200);
    assertThat(api.post("reception", "/api/requests/GK-2026-99999/verification-code", "").status()).isEqualTo(404);
  }

  @Test
  void theTrackPageBindsTheCaseToTheSessionAndServesLettersByToken() throws Exception {
    Response created = register();
    String caseNumber = created.json().path("caseNumber").asText();
    String code = created.json().path("verificationCode").asText();
    assertThat(api.get(null, "/desk/cases/" + caseNumber + "/receipt").status()).isNotEqualTo(200); // desk needs sign-in
    api.get("reception", "/api/requests/" + caseNumber + "/receipt");

    // a wrong code: the same page and message as an unknown number
    MvcResult wrong = mvc.perform(post("/track/").with(csrf()).param("caseNumber", caseNumber).param("code", "ABCDE-FGHJK"))
        .andReturn();
    MvcResult unknown = mvc.perform(post("/track/").with(csrf()).param("caseNumber", "GK-2026-99999").param("code", code))
        .andReturn();
    assertThat(wrong.getResponse().getStatus()).isEqualTo(404);
    assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
    assertThat(errorOf(wrong)).isEqualTo(errorOf(unknown)).contains("没有找到");

    MockHttpSession session = new MockHttpSession();
    MvcResult found = mvc.perform(post("/track/").session(session).with(csrf())
        .param("caseNumber", caseNumber).param("code", code)).andReturn();
    assertThat(found.getResponse().getRedirectedUrl()).isEqualTo("/track/case");
    String page = mvc.perform(get("/track/case").session(session)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains(caseNumber).contains("2026-03-30").containsAnyOf("已登记", "办理中").doesNotContain(code);
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("/track/letters/([A-Za-z0-9_-]+)\"").matcher(page);
    assertThat(link.find()).as("a receipt download link").isTrue();
    String letterUrl = "/track/letters/" + link.group(1);
    assertThat(mvc.perform(get(letterUrl).session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
    // the token is this session's only
    assertThat(mvc.perform(get(letterUrl).session(new MockHttpSession())).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    // without a proven code there is no case page
    assertThat(mvc.perform(get("/track/case")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/track/");
  }

  @Test
  void theOpenApiDescriptionIsForSignedInUsersAndNamesTheApiKey() {
    assertThat(api.get(null, "/v3/api-docs").status()).isEqualTo(401);
    Response docs = api.get("reception", "/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().path("components").path("securitySchemes").path("apiKey").path("name").asText())
        .isEqualTo("X-API-Key");
    assertThat(docs.json().path("paths").has("/api/requests")).isTrue();
    assertThat(docs.json().path("paths").has("/api/public/lookup")).isTrue();
    assertThat(docs.json().path("paths").has("/desk/register")).isFalse();
    // the supervision list's rows are written by hand (OpenCaseJson.Writer); the description still names their fields
    assertThat(docs.json().path("components").path("schemas").path("OpenCaseJson").path("properties").has("workingDaysLeft"))
        .as(docs.json().path("components").path("schemas").path("OpenCaseJson").toString()).isTrue();
    assertThat(api.get("reception", "/swagger-ui/index.html").status()).isEqualTo(403);
    assertThat(api.get("admin", "/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void theApplicantWithdrawsFromTheTrackPageAndReceptionReissuesAtTheDesk() throws Exception {
    Response created = register();
    String caseNumber = created.json().path("caseNumber").asText();
    String code = created.json().path("verificationCode").asText();

    // reception's button: a new code in the flash message, the old one void
    MvcResult desk = mvc.perform(post("/desk/cases/" + caseNumber + "/verification-code").with(csrf())
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(
            org.disclosuredesk.identity.CurrentUser.authentication("reception",
                java.util.List.of(org.disclosuredesk.identity.Groups.RECEPTION), java.util.List.of("default"))))).andReturn();
    assertThat(desk.getResponse().getRedirectedUrl()).isEqualTo("/desk/cases/" + caseNumber);
    String message = (String) desk.getFlashMap().get("message");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9A-Z]{5}-[0-9A-Z]{5}").matcher(message);
    assertThat(m.find()).isTrue();
    String fresh = m.group();
    assertThat(lookup("10.0.0.4", caseNumber, code).status()).isEqualTo(404);

    MockHttpSession session = new MockHttpSession();
    mvc.perform(post("/track/").session(session).with(csrf()).param("caseNumber", caseNumber).param("code", fresh));
    MvcResult unconfirmed = mvc.perform(post("/track/withdrawal").session(session).with(csrf())).andReturn();
    assertThat(unconfirmed.getFlashMap().get("error")).asString().contains("请勾选确认撤回");
    mvc.perform(post("/track/withdrawal").session(session).with(csrf()).param("confirm", "yes").param("note", "不再需要"));
    assertThat(jdbc.sql("select status from dd_case where case_number = ?").param(caseNumber).query(String.class).single())
        .isEqualTo("CLOSED");
    String page = mvc.perform(get("/track/case").session(session)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("已办结").doesNotContain("submit-withdrawal");
  }

  /**
   * The supplement and its files commit together: when the second file's row is refused by the database
   * (a check constraint the test adds, as a crash at that point would), the case still waits for its
   * supplement with nothing recorded, and the applicant, told so, sends it again.
   */
  @Test
  void aSupplementWhoseFileCannotBeStoredLeavesTheCaseWaiting() throws Exception {
    Response created = register();
    String caseNumber = created.json().path("caseNumber").asText();
    String code = created.json().path("verificationCode").asText();
    var pi = route.instanceOf(caseNumber);
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明年份");
    at("2026-03-04T10:00");
    MockHttpSession session = new MockHttpSession();
    mvc.perform(post("/track/").session(session).with(csrf()).param("caseNumber", caseNumber).param("code", code));
    String events = "select count(*) from dd_case_event where case_number = '" + caseNumber + "'";
    long eventsBefore = jdbc.sql(events).query(Long.class).single();
    byte[] png = ApplyIntegrationTest.png();

    jdbc.sql("alter table dd_document add constraint dd_test_no_power check (name <> '断电.png')").update();
    MvcResult failed;
    try {
      failed = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/track/supplement")
          .file(new org.springframework.mock.web.MockMultipartFile("files", "年份说明.png", "image/png", png))
          .file(new org.springframework.mock.web.MockMultipartFile("files", "断电.png", "image/png", png))
          .param("note", "所需为2025年度").session(session).with(csrf())).andReturn();
    } finally {
      jdbc.sql("alter table dd_document drop constraint dd_test_no_power").update();
    }
    assertThat(failed.getFlashMap().get("error")).asString().contains("本次提交未记录、文件也未保存");
    assertThat(jdbc.sql("select status from dd_case where case_number = ?").param(caseNumber).query(String.class).single())
        .isEqualTo("AWAITING_SUPPLEMENT");
    assertThat(jdbc.sql(events).query(Long.class).single()).isEqualTo(eventsBefore);
    assertThat(jdbc.sql("select count(*) from dd_document where case_number = ?").param(caseNumber).query(Long.class)
        .single()).isZero();

    MvcResult sent = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
            "/track/supplement").file(new org.springframework.mock.web.MockMultipartFile("files", "年份说明.png", "image/png", png))
        .param("note", "所需为2025年度").session(session).with(csrf())).andReturn();
    assertThat(sent.getFlashMap().get("message")).asString().contains("补正已提交（含 1 个文件）");
    assertThat(jdbc.sql("select status from dd_case where case_number = ?").param(caseNumber).query(String.class).single())
        .isNotEqualTo("AWAITING_SUPPLEMENT");
    assertThat(jdbc.sql("select kind from dd_document where case_number = ?").param(caseNumber).query(String.class)
        .list()).containsExactly("SUPPLEMENT");
  }

  static String errorOf(MvcResult r) throws Exception {
    String html = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"flash-err\"[^>]*>([^<]*)<").matcher(html);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void aThousandWrongCodesFromOneAddressAreThrottledWhileTheOwnerStillGetsIn() throws Exception {
    Response created = register();
    String caseNumber = created.json().path("caseNumber").asText();
    String code = created.json().path("verificationCode").asText();

    int notFound = 0;
    int throttled = 0;
    String retryAfter = null;
    for (int i = 0; i < 1000; i++) {
      Lookup l = lookup("203.0.113.9", caseNumber, String.format("AAAAA-%05d", i));
      if (l.status() == 404) {
        notFound++;
      } else if (l.status() == 429) {
        throttled++;
        retryAfter = l.retryAfter();
      }
    }
    System.out.println("1000 wrong lookups from one address: " + notFound + " × 404, " + throttled + " × 429");
    assertThat(notFound).isEqualTo(10);
    assertThat(throttled).isEqualTo(990);
    assertThat(Long.parseLong(retryAfter)).isPositive();
    // the guesser's address stays refused even with the right code; the owner elsewhere gets in
    assertThat(lookup("203.0.113.9", caseNumber, code).status()).isEqualTo(429);
    assertThat(lookup("198.51.100.7", caseNumber, code).status()).isEqualTo(200);
  }
}
