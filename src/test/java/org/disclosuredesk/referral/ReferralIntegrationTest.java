package org.disclosuredesk.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.calendar.WorkingDayCalendar;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.support.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Referral between agencies (issue 10): a case of the default agency answered "not this agency's" is
 * forwarded with the applicant's consent to {@code housing}, where it becomes a new case with its own
 * receipt date; both cases name each other and each counts in its own agency's report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReferralIntegrationTest {

  static final String TO_HOUSING = "{\"agency\":\"housing\",\"consent\":\"申请人于2026-12-04电话同意转送\"}";
  /** Tuesday, a working day. */
  static final LocalDate ANSWERED_ON = LocalDate.of(2026, 12, 1);

  @LocalServerPort int port;
  @Autowired RouteTestSupport route;
  @Autowired JdbcClient jdbc;
  @Autowired WorkingDayCalendar calendar;
  @Autowired MockMvc mvc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    at("2026-12-01T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A walk-in of the default agency, handled, answered "not this agency's" and delivered: concluded. */
  String concludedNotThisAgency(String description) {
    ProcessInstance pi = answered(description, "NOT_THIS_AGENCY", "responsibleAgency", "示例市住房和城乡建设局",
        "responsibleAgencyContact", "0000-87654321，示例市建设路8号");
    route.deliver(pi, ANSWERED_ON);
    return pi.getBusinessKey();
  }

  /** Answered with this outcome, the reply waiting to be delivered. */
  ProcessInstance answered(String description, String outcome, Object... fields) {
    ProcessInstance pi = route.registerWalkIn(description);
    route.acceptFor(pi, "planning");
    route.propose(pi, outcome, fields);
    return pi;
  }

  Response refer(String user, String caseNumber, String body) {
    return api.post(user, "/api/requests/" + caseNumber + "/referral", body);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** What a refusal must leave as it was: cases, referrals and timelines. */
  List<Long> written() {
    return List.of(count("dd_case"), count("dd_case_referral"), count("dd_case_event"));
  }

  static List<String> kinds(JsonNode view) {
    return view.path("timeline").findValuesAsText("kind");
  }

  static String detailOf(JsonNode view, String kind) {
    for (JsonNode e : view.path("timeline")) {
      if (kind.equals(e.path("kind").asText())) {
        return e.path("detail").asText();
      }
    }
    throw new AssertionError("no timeline entry " + kind + " in " + view);
  }

  @Test
  void aCaseAnsweredNotThisAgencysIsReferredWithConsentAndFoundFromEitherCase() {
    // Given a default-agency case concluded as "not this agency's"
    String first = concludedNotThisAgency("某小区住宅专项维修资金使用明细");

    // When reception forwards it to housing on a Saturday, with the applicant's consent
    at("2026-12-05T10:00");
    assertThat(calendar.isWorkingDay("housing", LocalDate.of(2026, 12, 5))).isFalse();
    Response referred = refer("reception", first, TO_HOUSING);

    // Then housing has a new case, received on its next working day (platform transfer = online, Art. 31)
    assertThat(referred.status()).as(referred.body()).isEqualTo(201);
    String second = referred.json().path("caseNumber").asText();
    assertThat(second).matches("ZJ-2026-\\d{5}");
    assertThat(referred.json().path("agency").asText()).isEqualTo("housing");
    LocalDate receivedOn = calendar.onOrNextWorkingDay("housing", LocalDate.of(2026, 12, 5));
    assertThat(receivedOn).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(referred.json().path("receivedOn").asText()).isEqualTo(receivedOn.toString());
    assertThat(referred.json().path("dueOn").asText())
        .isEqualTo(calendar.addWorkingDays("housing", receivedOn, 20).toString());
    assertThat(referred.headers().firstValue("Location")).hasValue("/api/requests/" + second);
    assertThat(route.instanceOf(second).getTenantId()).isEqualTo("housing");

    // the same applicant and request, on the online channel, registered by the clerk who forwarded it
    var row = jdbc.sql("select agency_code, channel, applicant_name, applicant_id_number, description, info_format,"
            + " delivery, registered_by from dd_case where case_number = ?").param(second).query().singleRow();
    assertThat(row).containsEntry("AGENCY_CODE", "housing").containsEntry("CHANNEL", "ONLINE")
        .containsEntry("APPLICANT_NAME", "张三").containsEntry("APPLICANT_ID_NUMBER", RouteTestSupport.VALID_RESIDENT_ID)
        .containsEntry("DESCRIPTION", "某小区住宅专项维修资金使用明细").containsEntry("INFO_FORMAT", "PAPER")
        .containsEntry("DELIVERY", "PICKUP").containsEntry("REGISTERED_BY", "reception");
    var link = jdbc.sql("select from_agency, to_agency, to_case, consent, referred_by from dd_case_referral"
            + " where from_case = ?").param(first).query().singleRow();
    assertThat(link).containsEntry("FROM_AGENCY", "default").containsEntry("TO_AGENCY", "housing")
        .containsEntry("TO_CASE", second).containsEntry("CONSENT", "申请人于2026-12-04电话同意转送")
        .containsEntry("REFERRED_BY", "reception");

    // housing's reception sees the new case with the link back, but not the first case
    JsonNode atHousing = api.get("housing-reception", "/api/requests/" + second).json();
    assertThat(atHousing.path("agency").asText()).isEqualTo("housing");
    assertThat(atHousing.path("channel").asText()).isEqualTo("ONLINE");
    assertThat(atHousing.path("referredFrom").path("agency").asText()).isEqualTo("default");
    assertThat(atHousing.path("referredFrom").path("caseNumber").asText()).isEqualTo(first);
    assertThat(atHousing.path("referredTo").isNull()).isTrue();
    assertThat(kinds(atHousing)).containsSubsequence("REGISTERED", "REFERRED_IN");
    assertThat(detailOf(atHousing, "REFERRED_IN")).contains(first, "申请人于2026-12-04电话同意转送", "2026-12-07");
    assertThat(api.get("housing-reception", "/api/requests/" + first).status()).isEqualTo(404);

    // the first agency's reception sees the link forward, but not housing's case
    JsonNode atDefault = api.get("reception", "/api/requests/" + first).json();
    assertThat(atDefault.path("agency").asText()).isEqualTo("default");
    assertThat(atDefault.path("status").asText()).isEqualTo("CLOSED");
    assertThat(atDefault.path("referredTo").path("agency").asText()).isEqualTo("housing");
    assertThat(atDefault.path("referredTo").path("caseNumber").asText()).isEqualTo(second);
    assertThat(atDefault.path("referredFrom").isNull()).isTrue();
    assertThat(detailOf(atDefault, "REFERRED_OUT")).contains(second, "市住房和城乡建设局", "申请人于2026-12-04电话同意转送");
    assertThat(api.get("reception", "/api/requests/" + second).status()).isEqualTo(404);

    // the city's supervisor, in both agencies, finds the link from either side
    assertThat(api.get("city-supervisor", "/api/requests/" + first).json().path("referredTo").path("caseNumber")
        .asText()).isEqualTo(second);
    assertThat(api.get("city-supervisor", "/api/requests/" + second).json().path("referredFrom").path("caseNumber")
        .asText()).isEqualTo(first);
  }

  @Test
  void onlyTheCasesOwnReceptionOrAnAdministratorRefers() {
    String first = concludedNotThisAgency("某安置房分配方案");
    List<Long> before = written();

    // another agency's people do not find the case; the first agency's officers and supervisors may not refer
    assertThat(refer("housing-officer", first, TO_HOUSING).status()).isEqualTo(404);
    assertThat(refer("housing-reception", first, TO_HOUSING).status()).isEqualTo(404);
    Response officer = refer("officer-planning", first, TO_HOUSING);
    assertThat(officer.status()).isEqualTo(403);
    assertThat(officer.errorFields()).containsExactly("authorization");
    assertThat(refer("supervisor", first, TO_HOUSING).status()).isEqualTo(403);
    assertThat(written()).isEqualTo(before);

    // a platform administrator may
    Response byAdmin = refer("admin", first, TO_HOUSING);
    assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
    String second = byAdmin.json().path("caseNumber").asText();

    // and housing's officer, who sees housing's cases, still may not refer one
    List<Long> after = written();
    Response housingOfficer = refer("housing-officer", second, "{\"agency\":\"default\",\"consent\":\"同意\"}");
    assertThat(housingOfficer.status()).isEqualTo(403);
    assertThat(written()).isEqualTo(after);
  }

  @Test
  void aCaseNotConcludedAsNotThisAgencysOrBadInputOrASecondReferralIsRefusedAndWritesNothing() {
    ProcessInstance open = route.registerWalkIn("某道路改造工程批复");
    ProcessInstance replied = answered("某菜市场改造资金", "NOT_THIS_AGENCY", "responsibleAgency", "示例市商务局",
        "responsibleAgencyContact", "0000-11112222");
    ProcessInstance notHeld = answered("某会议记录", "NOT_EXIST");
    route.deliver(notHeld, ANSWERED_ON);
    String concluded = concludedNotThisAgency("某公租房轮候名单");
    List<Long> before = written();

    assertRefused(open.getBusinessKey(), TO_HOUSING, 409, "status");
    assertRefused(replied.getBusinessKey(), TO_HOUSING, 409, "status");
    assertRefused(notHeld.getBusinessKey(), TO_HOUSING, 409, "outcome");
    assertThat(refer("reception", notHeld.getBusinessKey(), TO_HOUSING).json().path("errors").get(0)
        .path("message").asText()).contains("不属于本机关负责公开", "本机关不掌握相关政府信息");
    assertRefused("GK-2026-99999", TO_HOUSING, 404, "caseNumber");

    assertRefused(concluded, "{\"agency\":\"water\",\"consent\":\"同意\"}", 400, "agency");
    assertRefused(concluded, "{\"agency\":\"default\",\"consent\":\"同意\"}", 400, "agency");
    assertRefused(concluded, "{\"consent\":\"同意\"}", 400, "agency");
    assertRefused(concluded, "{\"agency\":\"housing\"}", 400, "consent");
    assertRefused(concluded, "{\"agency\":\"housing\",\"consent\":\"  \"}", 400, "consent");
    assertRefused(concluded, "{\"agency\":\"housing\",\"consent\":\"" + "同".repeat(501) + "\"}", 400, "consent");
    assertRefused(concluded, "{\"agency\":\"housing\",\"consent\":\"同意\",\"colour\":\"red\"}", 400, "colour");
    assertThat(written()).isEqualTo(before);

    assertThat(refer("reception", concluded, TO_HOUSING).status()).isEqualTo(201);
    List<Long> once = written();
    assertRefused(concluded, TO_HOUSING, 409, "referral");
    assertThat(written()).isEqualTo(once);
    assertThat(jdbc.sql("select count(*) from dd_case_referral where from_case = ?").param(concluded)
        .query(Long.class).single()).isEqualTo(1);
  }

  void assertRefused(String caseNumber, String body, int status, String field) {
    List<Long> before = written();
    Response r = refer("reception", caseNumber, body);
    assertThat(r.status()).as(caseNumber + " " + body + " → " + r.body()).isEqualTo(status);
    assertThat(r.errorFields()).contains(field);
    assertThat(written()).isEqualTo(before);
  }

  @Test
  void theApplicantFollowsTheReferredApplicationUnderBothNumbers() throws Exception {
    jdbc.sql("delete from dd_public_throttle").update();
    String first = concludedNotThisAgency("某安置房项目分配方案");
    at("2026-12-02T09:00");
    String second = refer("reception", first, TO_HOUSING).json().path("caseNumber").asText();
    String firstCode = api.post("reception", "/api/requests/" + first + "/verification-code", "{}").json()
        .path("verificationCode").asText();
    String secondCode = api.post("housing-reception", "/api/requests/" + second + "/verification-code", "{}").json()
        .path("verificationCode").asText();

    // under the first number: replied there, and where it went with that case's stage and due date
    JsonNode atFirst = lookup(first, firstCode);
    assertThat(atFirst.path("stage").asText()).isEqualTo("已办结");
    assertThat(atFirst.path("referredTo").path("caseNumber").asText()).isEqualTo(second);
    assertThat(atFirst.path("referredTo").path("agency").asText()).isEqualTo("市住房和城乡建设局");
    assertThat(atFirst.path("referredTo").path("stage").asText()).isEqualTo("已登记");
    assertThat(atFirst.path("referredTo").path("dueOn").asText()).isEqualTo(jdbc.sql(
        "select due_on from dd_case where case_number = ?").param(second).query(LocalDate.class).single().toString());
    // under the new number with its own code: housing's case, with where it came from
    JsonNode atSecond = lookup(second, secondCode);
    assertThat(atSecond.path("agency").asText()).isEqualTo("市住房和城乡建设局");
    assertThat(atSecond.path("referredFrom").path("caseNumber").asText()).isEqualTo(first);
    assertThat(atSecond.path("referredTo").isNull()).isTrue();
    // the progress page says the same in words
    org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
    mvc.perform(post("/track/").session(session).with(csrf()).param("caseNumber", first).param("code", firstCode));
    String page = mvc.perform(get("/track/case").session(session)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("申请已转送", "市住房和城乡建设局", second, "当前状态：<strong id=\"referred-to-stage\">已登记</strong>");
    // one case's code does not open the other
    assertThat(api.post(null, "/api/public/lookup", "{\"caseNumber\":\"" + second + "\",\"code\":\"" + firstCode + "\"}")
        .status()).isEqualTo(404);
  }

  JsonNode lookup(String caseNumber, String code) {
    Response r = api.post(null, "/api/public/lookup", "{\"caseNumber\":\"" + caseNumber + "\",\"code\":\"" + code + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void eachCaseCountsInItsOwnAgencysAnnualReport() {
    JsonNode defaultBefore = report("supervisor", "default");
    JsonNode housingBefore = report("housing-supervisor", "housing");

    String first = concludedNotThisAgency("某棚户区改造项目补偿标准");
    at("2026-12-02T09:00");
    String second = refer("reception", first, TO_HOUSING).json().path("caseNumber").asText();

    // the first case: received and concluded in 2026 by the default agency, under 无法提供 1 (Art. 36(5))
    JsonNode defaultAfter = report("supervisor", "default");
    assertThat(total(defaultAfter, "RECEIVED") - total(defaultBefore, "RECEIVED")).isEqualTo(1);
    assertThat(total(defaultAfter, "UNABLE_NOT_HELD") - total(defaultBefore, "UNABLE_NOT_HELD")).isEqualTo(1);
    assertThat(total(defaultAfter, "CONCLUDED_TOTAL") - total(defaultBefore, "CONCLUDED_TOTAL")).isEqualTo(1);
    assertThat(total(defaultAfter, "CARRIED_FORWARD")).isEqualTo(total(defaultBefore, "CARRIED_FORWARD"));

    // the second: a new application of housing, received there in 2026 and still open
    var row = jdbc.sql("select agency_code, received_on, status from dd_case where case_number = ?").param(second)
        .query().singleRow();
    assertThat(row.get("AGENCY_CODE")).isEqualTo("housing");
    assertThat(row.get("RECEIVED_ON").toString()).isEqualTo("2026-12-02");
    assertThat(row.get("STATUS")).isNotEqualTo("CLOSED");
    JsonNode housingAfter = report("housing-supervisor", "housing");
    assertThat(housingAfter.path("agencyCode").asText()).isEqualTo("housing");
    assertThat(total(housingAfter, "RECEIVED") - total(housingBefore, "RECEIVED")).isEqualTo(1);
    assertThat(total(housingAfter, "CARRIED_FORWARD") - total(housingBefore, "CARRIED_FORWARD")).isEqualTo(1);
    assertThat(total(housingAfter, "CONCLUDED_TOTAL")).isEqualTo(total(housingBefore, "CONCLUDED_TOTAL"));
  }

  JsonNode report(String user, String agency) {
    Response r = api.get(user, "/api/reports/annual/2026?agency=" + agency);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** The 总计 column of a row of table 三, by its key. */
  static int total(JsonNode report, String key) {
    for (JsonNode row : report.path("rows")) {
      if (key.equals(row.path("key").asText())) {
        return row.path("values").path("总计").asInt();
      }
    }
    throw new AssertionError("no row " + key);
  }

  // --- the desk's case page ---------------------------------------------------------------

  static Authentication person(String id, String group, String agency) {
    return CurrentUser.authentication(id, List.of(group), List.of(agency));
  }

  String page(String path, Authentication who) throws Exception {
    MvcResult r = mvc.perform(get(path).with(authentication(who))).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void receptionRefersFromTheDeskCasePageAndBothPagesShowTheLink() throws Exception {
    Authentication reception = person("reception", "reception", "default");
    String first = concludedNotThisAgency("某保障性住房项目竣工验收材料");
    String open = route.registerWalkIn("某规划许可").getBusinessKey();

    // the form is offered on a concluded "not this agency's" case only
    assertThat(page("/desk/cases/" + open, reception)).doesNotContain("referral-form");
    String offered = page("/desk/cases/" + first, reception);
    assertThat(offered).contains("id=\"referral-form\"", "value=\"housing\"", "市住房和城乡建设局")
        .doesNotContain("value=\"default\"");

    // without the form's CSRF token, or without a consent, nothing is referred
    List<Long> before = written();
    MvcResult forged = mvc.perform(post("/desk/cases/" + first + "/referral").with(authentication(reception))
        .param("agency", "housing").param("consent", "同意")).andReturn();
    assertThat(forged.getResponse().getStatus()).isEqualTo(403);
    MvcResult noConsent = mvc.perform(post("/desk/cases/" + first + "/referral").with(csrf())
        .with(authentication(reception)).param("agency", "housing").param("consent", "")).andReturn();
    assertThat(noConsent.getResponse().getRedirectedUrl()).isEqualTo("/desk/cases/" + first);
    assertThat((String) noConsent.getFlashMap().get("error")).contains("申请人同意情况");
    assertThat(written()).isEqualTo(before);

    MvcResult done = mvc.perform(post("/desk/cases/" + first + "/referral").with(csrf())
        .with(authentication(reception)).param("agency", "housing").param("consent", "申请人当面书面同意转送"))
        .andReturn();
    assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/desk/cases/" + first);
    String message = (String) done.getFlashMap().get("message");
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("ZJ-2026-\\d{5}").matcher(message);
    assertThat(number.find()).as(message).isTrue();
    String second = number.group();

    // the first page names housing's case (not a link: reception does not belong to housing), no form any more
    String after = page("/desk/cases/" + first, reception);
    assertThat(after).contains("id=\"referred-to\"", second, "申请人当面书面同意转送")
        .doesNotContain("referral-form").doesNotContain("href=\"/desk/cases/" + second + "\"");
    // housing's reception sees where its case came from
    String atHousing = page("/desk/cases/" + second, person("housing-reception", "reception", "housing"));
    assertThat(atHousing).contains("id=\"referred-from\"", first).doesNotContain("href=\"/desk/cases/" + first + "\"");
    // an administrator, in every agency, gets the links
    String admin = page("/desk/cases/" + first, person("admin", "camunda-admin", "default"));
    assertThat(admin).contains("href=\"/desk/cases/" + second + "\"");
  }
}
