package org.disclosuredesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in guessing protection (per account and address, "请 N 秒后再试", the right password after a typo,
 * no permanent lock), API keys (issued once, hashed at rest, revoked, guessing locks nothing), the
 * sign-in cache and the record of personal-data views.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SignInAndApiKeyIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identity;
  @Autowired SignIns signIns;

  /** Time only moves forward across the tests, as it does outside them (the engine keeps its own lock times). */
  static Instant now = Instant.parse("2026-03-02T01:00:00Z");

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @BeforeEach
  void freshCounters() {
    advance(3600);
    jdbc.sql("delete from dd_sign_in_failure").update();
    user("clerk-a", "Right-Passw0rd");
    user("clerk-b", "Right-Passw0rd");
  }

  @AfterEach
  void reset() {
    jdbc.sql("delete from dd_sign_in_failure").update();
    signIns.forget(null);
    ClockUtil.reset();
  }

  void user(String id, String password) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword(password);
      identity.saveUser(u);
      identity.createMembership(id, Groups.RECEPTION);
      // people work for an agency (its engine tenant): the installation's own one here
      identity.createTenantUserMembership(org.disclosuredesk.agency.Agency.DEFAULT, id);
    }
  }

  void advance(long seconds) {
    now = now.plusSeconds(seconds);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  MockHttpServletResponse basic(String user, String password, String address) throws Exception {
    return mvc.perform(get("/api/calendar/working-day?date=2026-03-02").with(httpBasic(user, password))
        .with(r -> {
          r.setRemoteAddr(address);
          return r;
        })).andReturn().getResponse();
  }

  static JsonNode json(MockHttpServletResponse r) throws Exception {
    return JSON.readTree(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aTypoDoesNotMakeTheRightPasswordFail() throws Exception {
    assertThat(basic("clerk-a", "wrong", "10.0.0.1").getStatus()).isEqualTo(401);
    assertThat(basic("clerk-a", "Right-Passw0rd", "10.0.0.1").getStatus()).isEqualTo(200);
  }

  @Test
  void fiveFailuresFromOneAddressMakeThatAddressWaitAndSaySo() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(basic("clerk-a", "wrong" + i, "10.0.0.2").getStatus()).isEqualTo(401);
    }
    // Then even the right password waits, and the answer says how long
    MockHttpServletResponse waiting = basic("clerk-a", "Right-Passw0rd", "10.0.0.2");
    assertThat(waiting.getStatus()).isEqualTo(429);
    assertThat(json(waiting).path("errors").get(0).path("message").asText()).isEqualTo("尝试次数过多，请 2 秒后再试");
    assertThat(waiting.getHeader("Retry-After")).isEqualTo("2");
    // The same person from another address, and another person from this address, are not affected
    assertThat(basic("clerk-a", "Right-Passw0rd", "10.0.0.3").getStatus()).isEqualTo(200);
    assertThat(basic("clerk-b", "Right-Passw0rd", "10.0.0.2").getStatus()).isEqualTo(200);
    // After the wait the right password works again, and the typos are forgotten
    advance(2);
    assertThat(basic("clerk-a", "Right-Passw0rd", "10.0.0.2").getStatus()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from dd_sign_in_failure where throttle_key = 'p:clerk-a|10.0.0.2'")
        .query(Long.class).single()).isZero();
  }

  @Test
  void waitsDoubleWithEachFurtherFailure() throws Exception {
    for (int i = 0; i < 5; i++) {
      basic("clerk-a", "wrong", "10.0.0.4");
    }
    advance(2);
    assertThat(basic("clerk-a", "wrong", "10.0.0.4").getStatus()).isEqualTo(401);
    assertThat(json(basic("clerk-a", "wrong", "10.0.0.4")).path("errors").get(0).path("message").asText())
        .isEqualTo("尝试次数过多，请 4 秒后再试");
  }

  @Test
  void oneAddressTryingManyAccountsWaits() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(basic("nobody-" + i, "guess", "10.0.0.5").getStatus()).isEqualTo(401);
    }
    MockHttpServletResponse waiting = basic("clerk-b", "Right-Passw0rd", "10.0.0.5");
    assertThat(waiting.getStatus()).isEqualTo(429);
    assertThat(json(waiting).path("errors").get(0).path("message").asText()).matches("尝试次数过多，请 \\d+ 秒后再试");
    assertThat(basic("clerk-b", "Right-Passw0rd", "10.0.0.6").getStatus()).isEqualTo(200);
  }

  @Test
  void manyAddressesTryingOneAccountSlowItDownButNeverLockItForGood() throws Exception {
    // more than the engine's old limit of 10, and than our per-account free failures
    for (int i = 0; i < 50; i++) {
      assertThat(basic("clerk-a", "guess", "10.1.0." + i).getStatus()).isEqualTo(401);
    }
    MockHttpServletResponse waiting = basic("clerk-a", "Right-Passw0rd", "10.2.0.1");
    assertThat(waiting.getStatus()).isEqualTo(429);
    advance(60);
    assertThat(basic("clerk-a", "Right-Passw0rd", "10.2.0.1").getStatus()).isEqualTo(200);
    // the engine's own lock is off: its attempt counter does not lock the user
    assertThat(identity.checkPassword("clerk-a", "Right-Passw0rd")).isTrue();
  }

  @Test
  void theSupervisionLoginFormSaysHowLongToWait() throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(post("/supervision/login").param("username", "clerk-a").param("password", "wrong")
          .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
          .with(r -> {
            r.setRemoteAddr("10.0.0.7");
            return r;
          }));
    }
    var result = mvc.perform(post("/supervision/login").param("username", "clerk-a").param("password", "Right-Passw0rd")
        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
        .with(r -> {
          r.setRemoteAddr("10.0.0.7");
          return r;
        })).andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).endsWith("/supervision/login?error");
    String page = mvc.perform(get("/supervision/login?error").session(
            (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession()))
        .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("请 2 秒后再试");
  }

  @Test
  void theWebappLoginIsThrottledWithAMessageTheLoginPageShows() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(webappLogin("clerk-a", "wrong").statusCode()).isEqualTo(401);
    }
    var waiting = webappLogin("clerk-a", "Right-Passw0rd");
    assertThat(waiting.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(waiting.body()).path("message").asText()).isEqualTo("尝试次数过多，请 2 秒后再试");
    advance(2);
    assertThat(webappLogin("clerk-a", "Right-Passw0rd").statusCode()).isEqualTo(200);
  }

  java.net.http.HttpResponse<String> webappLogin(String user, String password) throws Exception {
    var browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String base = "http://localhost:" + port;
    var page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    String xsrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    return browser.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void engineRestUsesTheSameThrottle() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(engineRest("clerk-a", "wrong").statusCode()).isEqualTo(401);
    }
    var waiting = engineRest("clerk-a", "Right-Passw0rd");
    assertThat(waiting.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(waiting.body()).path("message").asText()).isEqualTo("尝试次数过多，请 2 秒后再试");
    advance(2);
    assertThat(engineRest("clerk-a", "Right-Passw0rd").statusCode()).isEqualTo(200);
    // a service account does not use engine REST outside the demo; in the demo (this test) it may
    assertThat(engineRest("nobody", "x").statusCode()).isEqualTo(401);
  }

  java.net.http.HttpResponse<String> engineRest(String user, String password) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/engine-rest/task/count"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCachedSignInIsDroppedWhenThePasswordChanges() throws Exception {
    assertThat(basic("clerk-b", "Right-Passw0rd", "10.0.1.1").getStatus()).isEqualTo(200);
    User u = identity.createUserQuery().userId("clerk-b").singleResult();
    u.setPassword("Other-Passw0rd");
    identity.saveUser(u);
    // a change through the engine API itself is not seen by the cache: the REST/webapp doors drop it (identityChangeFilter)
    signIns.forget("clerk-b");
    assertThat(basic("clerk-b", "Right-Passw0rd", "10.0.1.1").getStatus()).isEqualTo(401);
    assertThat(basic("clerk-b", "Other-Passw0rd", "10.0.1.1").getStatus()).isEqualTo(200);
    u = identity.createUserQuery().userId("clerk-b").singleResult();
    u.setPassword("Right-Passw0rd");
    identity.saveUser(u);
    signIns.forget(null);
  }

  // --- API keys

  MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder b) {
    return b.with(httpBasic("admin", "admin"));
  }

  @Test
  void anAdministratorIssuesListsAndRevokesKeysThatAreHashedAtRest() throws Exception {
    MockHttpServletResponse issued = mvc.perform(asAdmin(post("/api/admin/api-keys")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"account\":\"portal\",\"label\":\"网上申请平台 2026\"}")).andReturn().getResponse();
    assertThat(issued.getStatus()).isEqualTo(201);
    String id = json(issued).path("id").asText();
    String key = json(issued).path("key").asText();
    assertThat(key).startsWith("ddk_").hasSizeGreaterThan(40);

    // stored only as its SHA-256
    assertThat(jdbc.sql("select count(*) from dd_api_key where key_hash = ?").param(ApiKeys.hash(key)).query(Long.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from dd_api_key where key_hash = ? or key_prefix = ?").params(key, key)
        .query(Long.class).single()).isZero();
    // the list never shows the secret
    String list = mvc.perform(asAdmin(get("/api/admin/api-keys"))).andReturn().getResponse().getContentAsString();
    assertThat(list).contains(id).doesNotContain(key);

    // the key registers a case as the portal
    MockHttpServletResponse created = mvc.perform(post("/api/requests").header("X-API-Key", key)
        .contentType(MediaType.APPLICATION_JSON).content(RequestJson.WALK_IN)).andReturn().getResponse();
    assertThat(created.getStatus()).isEqualTo(201);
    String caseNumber = json(created).path("caseNumber").asText();
    assertThat(jdbc.sql("select registered_by from dd_case where case_number = ?").param(caseNumber)
        .query(String.class).single()).isEqualTo("portal");
    // but not what the portal may not do
    assertThat(mvc.perform(get("/api/admin/api-keys").header("X-API-Key", key)).andReturn().getResponse().getStatus())
        .isEqualTo(403);

    // revoked: refused at once
    assertThat(mvc.perform(asAdmin(delete("/api/admin/api-keys/" + id))).andReturn().getResponse().getStatus()).isEqualTo(204);
    MockHttpServletResponse refused = mvc.perform(post("/api/requests").header("X-API-Key", key)
        .contentType(MediaType.APPLICATION_JSON).content(RequestJson.WALK_IN)).andReturn().getResponse();
    assertThat(refused.getStatus()).isEqualTo(401);
    assertThat(json(refused).path("errors").get(0).path("field").asText()).isEqualTo("X-API-Key");
    assertThat(mvc.perform(asAdmin(delete("/api/admin/api-keys/nope"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    // only administrators manage keys
    assertThat(mvc.perform(get("/api/admin/api-keys").with(httpBasic("supervisor", "supervisor")))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void guessingKeysLocksNothing() throws Exception {
    String key = json(mvc.perform(asAdmin(post("/api/admin/api-keys")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"account\":\"portal\",\"label\":\"guessing test\"}")).andReturn().getResponse()).path("key").asText();
    for (int i = 0; i < 100; i++) {
      assertThat(mvc.perform(get("/api/calendar/working-day?date=2026-03-02").header("X-API-Key", "ddk_guess" + i)
          .with(r -> {
            r.setRemoteAddr("10.9.9.9");
            return r;
          })).andReturn().getResponse().getStatus()).isEqualTo(401);
    }
    assertThat(mvc.perform(get("/api/calendar/working-day?date=2026-03-02").header("X-API-Key", key).with(r -> {
      r.setRemoteAddr("10.9.9.9");
      return r;
    })).andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from dd_sign_in_failure").query(Long.class).single()).isZero();
  }

  @Test
  void theDemoKeyWorksForThePortal() throws Exception {
    assertThat(mvc.perform(get("/api/calendar/working-day?date=2026-03-02")
        .header("X-API-Key", "ddk_demo-portal-key-only-for-the-demo")).andReturn().getResponse().getStatus()).isEqualTo(200);
  }

  // --- personal data views

  @Test
  void everyViewOfACasesPersonalDataIsRecordedForSupervisors() throws Exception {
    RouteTestSupport.at("2026-03-02T09:00");
    String caseNumber = json(mvc.perform(post("/api/requests").with(httpBasic("reception", "reception"))
        .contentType(MediaType.APPLICATION_JSON).content(RequestJson.WALK_IN)).andReturn().getResponse())
        .path("caseNumber").asText();
    assertThat(mvc.perform(get("/api/requests/" + caseNumber).with(httpBasic("reception", "reception")))
        .andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/api/requests/" + caseNumber + "/receipt").with(httpBasic("supervisor", "supervisor")))
        .andReturn().getResponse().getStatus()).isEqualTo(200);
    assertThat(mvc.perform(get("/supervision/cases/" + caseNumber).with(httpBasic("supervisor", "supervisor")))
        .andReturn().getResponse().getStatus()).isEqualTo(200);

    MockHttpServletResponse log = mvc.perform(get("/api/requests/" + caseNumber + "/access-log")
        .with(httpBasic("supervisor", "supervisor"))).andReturn().getResponse();
    assertThat(log.getStatus()).isEqualTo(200);
    JsonNode views = json(log);
    assertThat(views).hasSize(3);
    assertThat(views.findValuesAsText("viewedBy")).containsExactlyInAnyOrder("reception", "supervisor", "supervisor");
    assertThat(views.findValuesAsText("what")).containsExactlyInAnyOrder("案件信息（接口）", "申请接收回执", "督办案件页面");
    // officers and reception do not read the log
    assertThat(mvc.perform(get("/api/requests/" + caseNumber + "/access-log").with(httpBasic("reception", "reception")))
        .andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mvc.perform(get("/api/requests/GK-2026-99999/access-log").with(httpBasic("supervisor", "supervisor")))
        .andReturn().getResponse().getStatus()).isEqualTo(404);
  }
}
