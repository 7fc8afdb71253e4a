package org.disclosuredesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;

import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.support.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** {@code /api/requests} as the portal, reception and officers use it: design.md "The interface". */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestApiIntegrationTest {

  static final String VALID = RequestJson.WALK_IN;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RouteTestSupport route;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    at("2026-03-02T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  long cases() {
    return jdbc.sql("select count(*) from dd_case").query(Long.class).single();
  }

  @Test
  void registersAWalkInAndShowsTheCase() {
    Response created = api.post("reception", "/api/requests", VALID);
    assertThat(created.status()).isEqualTo(201);
    String caseNumber = created.json().path("caseNumber").asText();
    assertThat(caseNumber).matches("GK-2026-\\d{5}");
    assertThat(created.json().path("receivedOn").asText()).isEqualTo("2026-03-02");
    assertThat(created.json().path("dueOn").asText()).isEqualTo("2026-03-30");
    assertThat(created.json().path("status").asText()).isEqualTo("REGISTERED");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/requests/" + caseNumber);

    Response shown = api.get("supervisor", "/api/requests/" + caseNumber);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().path("channel").asText()).isEqualTo("IN_PERSON");
    assertThat(shown.json().path("workingDaysLeft").asInt()).isEqualTo(20);
    assertThat(shown.json().path("overdue").asBoolean()).isFalse();
    assertThat(shown.json().path("currentTask").asText()).isEqualTo("审查申请是否完整");
    assertThat(shown.json().path("timeline").get(0).path("kind").asText()).isEqualTo("REGISTERED");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheSameCase() {
    Response first = api.post("portal", "/api/requests", VALID, "Idempotency-Key", "portal-42");
    long count = cases();
    Response retry = api.post("portal", "/api/requests", VALID, "Idempotency-Key", "portal-42");
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().path("caseNumber").asText()).isEqualTo(first.json().path("caseNumber").asText());
    assertThat(cases()).isEqualTo(count);
  }

  @Test
  void anIdempotencyKeyIsTheCallersAndBelongsToOneApplication() {
    Response first = api.post("portal", "/api/requests", VALID, "Idempotency-Key", "portal-77");
    Response other = api.post("portal", "/api/requests", VALID.replace("研究", "教学"), "Idempotency-Key", "portal-77");
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.errorFields()).containsExactly("Idempotency-Key");
    Response reception = api.post("reception", "/api/requests", VALID, "Idempotency-Key", "portal-77");
    assertThat(reception.status()).isEqualTo(201);
    assertThat(reception.json().path("caseNumber").asText()).isNotEqualTo(first.json().path("caseNumber").asText());
    assertThat(api.post("portal", "/api/requests", VALID, "Idempotency-Key", "has space").errorFields())
        .containsExactly("Idempotency-Key");
  }

  @Test
  void onlineApplicationOnASaturdayIsReceivedOnTheNextWorkingDay() {
    Response r = api.post("portal", "/api/requests", VALID.replace("IN_PERSON", "ONLINE")
        .replace("2026-03-02", "2026-02-28").replace("\"PICKUP\"", "\"EMAIL\""));
    // 2026-02-28 is a make-up working day (Saturday), so it is received that day
    assertThat(r.json().path("receivedOn").asText()).isEqualTo("2026-02-28");
    Response sunday = api.post("portal", "/api/requests", VALID.replace("IN_PERSON", "EMAIL")
        .replace("2026-03-02", "2026-03-01"));
    assertThat(sunday.json().path("receivedOn").asText()).isEqualTo("2026-03-02");
  }

  @Test
  void theReceiptGoesBackTheWayTheApplicationCame() {
    // a walk-in takes the receipt at the desk; a letter gets it by post, an e-mail by e-mail, an online one online
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put("IN_PERSON", "HANDED_OVER");
    expected.put("LETTER", "POST");
    expected.put("EMAIL", "EMAIL");
    expected.put("ONLINE", "ONLINE");
    expected.put("OTHER", "EMAIL"); // by another channel: the way the applicant wants the reply
    expected.forEach((channel, delivery) -> {
      Response r = api.post("reception", "/api/requests", VALID.replace("IN_PERSON", channel).replace("\"PICKUP\"", "\"EMAIL\""));
      assertThat(r.status()).as(channel).isEqualTo(201);
      Response letters = api.get("reception", "/api/requests/" + r.json().path("caseNumber").asText() + "/letters");
      assertThat(letters.json().get(0).path("type").asText()).isEqualTo("RECEIPT");
      assertThat(letters.json().get(0).path("delivery").asText()).as(channel).isEqualTo(delivery);
    });
  }

  @Test
  void badInputIsRefusedFieldByFieldAndCreatesNothing() {
    long before = cases();
    assertBad(VALID.replace("\"IN_PERSON\"", "\"PIGEON\""), "channel");
    assertBad(VALID.replace("11010519491231002X", "110105194912310021"), "applicant.idNumber");
    assertBad(VALID.replace("\"2026-03-02\"", "\"2026-03-03\""), "receivedOn");
    assertBad(VALID.replace("\"2026-03-02\"", "\"02/03/2026\""), "receivedOn");
    assertBad(VALID.replace("2025年城市总体规划修编的批复文件", "   "), "description");
    assertBad(VALID.replace("\"format\":\"PAPER\",", ""), "format");
    assertBad(VALID.replace("\"purpose\":\"研究\"", "\"purpose\":\"研究\",\"colour\":\"red\""), "colour");
    assertBad(VALID.replace("\"NATURAL_PERSON\",\"name\":\"张三\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"11010519491231002X\"",
        "\"COMMERCIAL_ENTERPRISE\",\"name\":\"某公司\",\"idType\":\"USCC\",\"idNumber\":\"91350100M000100Y40\",\"contactPerson\":\"李四\""),
        "applicant.idNumber");
    assertBad(VALID.replace("zhangsan@example.com", "not-an-email"), "applicant.email");
    assertBad("{\"channel\": \"IN_PERSON\", ", "body");
    assertBad(VALID.replace("张三", "张\\u0000三"), "applicant.name");
    Response array = api.post("reception", "/api/requests", "[1, 2]");
    assertThat(array.errorFields()).containsExactly("body");
    assertThat(array.body()).doesNotContain("org.disclosuredesk");
    assertBad("", "body");
    assertBad("{\"channel\":\"IN_PERSON\",\"description\":\"" + "长".repeat(300_000) + "\"}", "body");
    Response missing = api.post("reception", "/api/requests", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).contains("channel", "description", "format", "delivery", "applicant");
    assertThat(cases()).isEqualTo(before);
  }

  private void assertBad(String body, String field) {
    Response r = api.post("reception", "/api/requests", body);
    assertThat(r.status()).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(400);
    assertThat(r.errorFields()).as(r.body()).contains(field);
  }

  @Test
  void accessFollowsTheRoles() {
    assertThat(api.post(null, "/api/requests", VALID).status()).isEqualTo(401);
    assertThat(api.post("officer-planning", "/api/requests", VALID).status()).isEqualTo(403);
    assertThat(api.post("reception", "/api/requests", VALID.replace("\"IN_PERSON\"", "\"FAX\"")).status())
        .isEqualTo(201);
    String caseNumber = api.post("reception", "/api/requests", VALID).json().path("caseNumber").asText();
    // before assignment only reception, supervisors and admins see it; another department never does
    assertThat(api.get("officer-planning", "/api/requests/" + caseNumber).status()).isEqualTo(404);
    ProcessInstance pi = route.instanceOf(caseNumber);
    route.acceptFor(pi, "planning");
    assertThat(api.get("officer-planning", "/api/requests/" + caseNumber).status()).isEqualTo(200);
    assertThat(api.get("officer-finance", "/api/requests/" + caseNumber).status()).isEqualTo(404);
    assertThat(api.get("reception", "/api/requests/GK-1999-99999").status()).isEqualTo(404);
  }

  @Test
  void supplementRestartsTheClockAndWithdrawalEndsTheCase() {
    // the portal forwards supplements and withdrawals of the applications it submitted itself
    String caseNumber = api.post("portal", "/api/requests", VALID).json().path("caseNumber").asText();
    assertThat(api.post("portal", "/api/requests/" + caseNumber + "/supplement", "{}").status()).isEqualTo(409);
    ProcessInstance pi = route.instanceOf(caseNumber);
    route.complete(pi, "Task_CheckCompleteness", "completeness", "NEEDS_SUPPLEMENT", "supplementItems", "请写明文号");
    assertThat(api.get("reception", "/api/requests/" + caseNumber).json().path("status").asText())
        .isEqualTo("AWAITING_SUPPLEMENT");
    assertThat(api.post("portal", "/api/requests/" + caseNumber + "/supplement",
        "{\"receivedOn\":\"2026-03-05\"}").errorFields()).contains("receivedOn");

    at("2026-03-10T10:00");
    Response supplemented = api.post("portal", "/api/requests/" + caseNumber + "/supplement",
        "{\"receivedOn\":\"2026-03-10\",\"note\":\"文号为示政发〔2025〕1号\"}");
    assertThat(supplemented.status()).isEqualTo(200);
    assertThat(supplemented.json().path("status").asText()).isEqualTo("REGISTERED");
    assertThat(supplemented.json().path("dueOn").asText()).isEqualTo("2026-04-08");

    Response withdrawn = api.post("portal", "/api/requests/" + caseNumber + "/withdrawal", "{\"note\":\"不再需要\"}");
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.json().path("status").asText()).isEqualTo("CLOSED");
    assertThat(withdrawn.json().path("outcome").asText()).isEqualTo("OTHER");
    assertThat(api.post("portal", "/api/requests/" + caseNumber + "/withdrawal", "{}").status()).isEqualTo(409);
  }

  @Test
  void aReceiptDateWeeksBackNeedsAReasonAndTheReasonIsKept() {
    // 2026-02-13 lies 7 working days before 2026-03-02 (Spring Festival days off in between)
    String late = VALID.replace("\"2026-03-02\"", "\"2026-02-13\"");
    long before = cases();
    Response refused = api.post("reception", "/api/requests", late);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly("lateRegistrationReason");
    assertThat(refused.body()).contains("已过去", "补登原因");
    assertThat(cases()).isEqualTo(before);

    Response created = api.post("reception", "/api/requests",
        late.replace("\"channel\"", "\"lateRegistrationReason\":\"信函上月签收，今日由收发室转来\",\"channel\""));
    assertThat(created.status()).isEqualTo(201);
    Response shown = api.get("reception", "/api/requests/" + created.json().path("caseNumber").asText());
    assertThat(shown.body()).contains("补登", "信函上月签收，今日由收发室转来");

    // three working days back is still an ordinary registration
    assertThat(api.post("reception", "/api/requests", VALID.replace("\"2026-03-02\"", "\"2026-02-26\"")).status())
        .isEqualTo(201);
  }
}
