package org.disclosuredesk.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.support.ApiClient;
import org.disclosuredesk.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /api/agencies} (issue 10): a platform administrator adds an agency, which then works at once
 * (tenant, departments, calendar, its own case numbers); an agency's administrator edits its letter
 * header and departments and nobody else's; the task forms offer the case's agency's departments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgencyAdministrationIntegrationTest {

  @LocalServerPort int port;
  @Autowired IdentityService identities;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.FormService forms;
  @Autowired CaseRegistration registration;
  @Autowired RouteTestSupport route;
  @Autowired Agencies agencies;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  @Test
  void theListIsForAdministratorsAndCitySupervisorsAndAnAgencyAdministratorSeesOnlyTheirs() {
    Response all = api.get("city-supervisor", "/api/agencies");
    assertThat(all.status()).isEqualTo(200);
    assertThat(codes(all.json())).contains("default", "housing");
    assertThat(all.json().get(0).path("name").asText()).isEqualTo("示例市人民政府办公室");
    assertThat(codes(api.get("admin", "/api/agencies").json())).contains("default", "housing");

    assertThat(codes(api.get("housing-admin", "/api/agencies").json())).containsExactly("housing");
    for (String user : List.of("reception", "housing-officer", "supervisor", "housing-supervisor")) {
      Response refused = api.get(user, "/api/agencies");
      assertThat(refused.status()).as(user).isEqualTo(403);
    }
    assertThat(api.get(null, "/api/agencies").status()).isEqualTo(401);
  }

  @Test
  void anAdministratorAddsAnAgencyThatWorksAtOnce() {
    String code = "w" + suffix().toLowerCase(Locale.ROOT);
    String prefix = "W" + suffix();
    String body = """
        {"code":"%s","name":"市水务局","caseNumberPrefix":"%s","sealText":"市水务局（政府信息公开专用章）",
         "contactPhone":"0000-11112222","contactAddress":"示例市滨江路1号","reconsiderationBody":"示例市人民政府",
         "court":"示例市铁路运输法院","departments":[{"code":"%s-dept","name":"水资源管理科"}]}""".formatted(code, prefix, code);

    // only a platform administrator adds an agency
    assertThat(api.post("housing-admin", "/api/agencies", body).status()).isEqualTo(403);
    assertThat(api.post("city-supervisor", "/api/agencies", body).status()).isEqualTo(403);
    assertThat(agencies.find(code)).isEmpty();

    Response created = api.post("admin", "/api/agencies", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("departments").get(0).path("code").asText()).isEqualTo(code + "-dept");

    // the engine knows it: a tenant with its name, the department's group
    assertThat(identities.createTenantQuery().tenantId(code).singleResult().getName()).isEqualTo("市水务局");
    assertThat(identities.createGroupQuery().groupId(Groups.department(code + "-dept")).count()).isEqualTo(1);
    // the city supervisors see it, its calendar is loaded
    assertThat(codes(api.get("city-supervisor", "/api/agencies").json())).contains(code);
    Response day = api.get("admin", "/api/calendar/working-day?date=2026-10-01&agency=" + code);
    assertThat(day.json().path("workingDay").asBoolean()).isFalse();
    assertThat(day.json().path("officialData").asBoolean()).isTrue();

    // its own reception registers cases under its own prefix
    String receptionist = code + "-reception";
    User u = identities.newUser(receptionist);
    u.setPassword("Shui-Wu#2026x");
    api.password(receptionist, "Shui-Wu#2026x");
    u.setFirstName("水务局接待室");
    identities.saveUser(u);
    identities.createMembership(receptionist, Groups.RECEPTION);
    identities.createTenantUserMembership(code, receptionist);
    Response registered = api.post(receptionist, "/api/requests", walkIn("本市2025年水资源公报"));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String caseNumber = registered.json().path("caseNumber").asText();
    assertThat(caseNumber).startsWith(prefix + "-");
    // the default agency's reception does not find it; its own finds it
    assertThat(api.get("reception", "/api/requests/" + caseNumber).status()).isEqualTo(404);
    assertThat(api.get(receptionist, "/api/requests/" + caseNumber).status()).isEqualTo(200);

    // its completeness check offers only its own department
    Task check = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(check.getTenantId()).isEqualTo(code);
    assertThat(departmentOptions(check)).isEqualTo("[{\"label\":\"水资源管理科\",\"value\":\"" + code + "-dept\"}]");
  }

  @Test
  void aBadNewAgencyIsRefusedFieldByFieldAndNothingIsCreated() {
    long before = jdbc.sql("select count(*) from dd_agency").query(Long.class).single();
    Response bad = api.post("admin", "/api/agencies", """
        {"code":"Bad Code","name":"","caseNumberPrefix":"gk1","sealText":"章","contactPhone":"1","contactAddress":"地址",
         "reconsiderationBody":"政府","court":"法院","departments":[{"code":"x","name":""}]}""");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorFields()).contains("departments[0].code", "departments[0].name");

    Response badAgency = api.post("admin", "/api/agencies", """
        {"code":"Bad Code","name":"","caseNumberPrefix":"gk1","sealText":"章","contactPhone":"1","contactAddress":"地址",
         "reconsiderationBody":"政府","court":"法院"}""");
    assertThat(badAgency.status()).isEqualTo(400);
    assertThat(badAgency.errorFields()).contains("code", "caseNumberPrefix", "name");

    // the prefix GK is the default agency's: 409, and a department code of another agency too
    String code = "x" + suffix().toLowerCase(Locale.ROOT);
    Response prefixTaken = api.post("admin", "/api/agencies", """
        {"code":"%s","name":"某局","caseNumberPrefix":"GK","sealText":"章","contactPhone":"1","contactAddress":"地址",
         "reconsiderationBody":"政府","court":"法院"}""".formatted(code));
    assertThat(prefixTaken.status()).isEqualTo(409);
    assertThat(prefixTaken.errorFields()).containsExactly("caseNumberPrefix");
    Response deptTaken = api.post("admin", "/api/agencies", """
        {"code":"%s","name":"某局","caseNumberPrefix":"X%s","sealText":"章","contactPhone":"1","contactAddress":"地址",
         "reconsiderationBody":"政府","court":"法院","departments":[{"code":"planning","name":"规划科"}]}"""
        .formatted(code, suffix()));
    assertThat(deptTaken.status()).isEqualTo(409);
    assertThat(deptTaken.errorFields()).containsExactly("code");
    // an agency another node added a moment ago (this node's snapshot may not show it yet): 409, not 500
    String raced = "r" + suffix().toLowerCase(Locale.ROOT);
    agencies.all(); // a fresh snapshot without it
    jdbc.sql("insert into dd_agency (code, name, case_number_prefix, seal_text, contact_phone, contact_address,"
        + " reconsideration_body, court, created_at, updated_at) values (?, '某局', ?, '章', '1', '地址', '政府', '法院',"
        + " current_timestamp, current_timestamp)").params(raced, "R" + suffix()).update();
    Response race = api.post("admin", "/api/agencies", """
        {"code":"%s","name":"某局","caseNumberPrefix":"Q%s","sealText":"章","contactPhone":"1","contactAddress":"地址",
         "reconsiderationBody":"政府","court":"法院"}""".formatted(raced, suffix()));
    assertThat(race.status()).as(race.body()).isEqualTo(409);
    assertThat(race.errorFields()).containsExactly("code");
    jdbc.sql("delete from dd_agency where code = ?").param(raced).update();
    agencies.forget();
    Response notJson = api.post("admin", "/api/agencies", "{\"code\":");
    assertThat(notJson.status()).isEqualTo(400);

    assertThat(jdbc.sql("select count(*) from dd_agency").query(Long.class).single()).isEqualTo(before);
    assertThat(identities.createTenantQuery().tenantId(code).count()).isZero();
  }

  @Test
  void anAgencyAdministratorEditsTheirOwnLetterHeaderAndDepartmentsOnly() {
    Agency housing = agencies.get("housing");
    Agency platform = agencies.get("default");
    String header = """
        {"name":"示例市住房和城乡建设局","sealText":"示例市住房和城乡建设局（信息公开专用章）","contactPhone":"0000-87654321",
         "contactAddress":"示例市建设路8号","reconsiderationBody":"示例市人民政府","court":"示例市中级人民法院"}""";
    try {
      Response changed = put("housing-admin", "/api/agencies/housing", header);
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(agencies.get("housing").sealText()).isEqualTo("示例市住房和城乡建设局（信息公开专用章）");
      assertThat(agencies.get("housing").caseNumberPrefix()).isEqualTo(housing.caseNumberPrefix());
      assertThat(identities.createTenantQuery().tenantId("housing").singleResult().getName()).isEqualTo("示例市住房和城乡建设局");

      // another agency's header: 403 for the housing administrator and for the default agency's reception, unchanged
      assertThat(put("housing-admin", "/api/agencies/default", header).status()).isEqualTo(403);
      assertThat(put("reception", "/api/agencies/housing", header).status()).isEqualTo(403);
      assertThat(put("housing-officer", "/api/agencies/housing", header).status()).isEqualTo(403);
      assertThat(agencies.get("default")).isEqualTo(platform);
      assertThat(put("admin", "/api/agencies/nowhere", header).status()).isEqualTo(404);
      Response blank = put("housing-admin", "/api/agencies/housing", "{\"name\":\" \",\"sealText\":\"章\"}");
      assertThat(blank.status()).isEqualTo(400);
      assertThat(blank.errorFields()).contains("name", "contactPhone");

      // a department of its own: added, with its engine group; another agency's code is 409
      Response dept = put("housing-admin", "/api/agencies/housing/departments/housing-law", "{\"name\":\"法规科\"}");
      assertThat(dept.status()).as(dept.body()).isEqualTo(200);
      assertThat(identities.createGroupQuery().groupId(Groups.department("housing-law")).count()).isEqualTo(1);
      assertThat(put("housing-admin", "/api/agencies/housing/departments/planning", "{\"name\":\"规划科\"}").status())
          .isEqualTo(409);
      assertThat(put("housing-admin", "/api/agencies/default/departments/extra", "{\"name\":\"某科\"}").status())
          .isEqualTo(403);
      JsonNode details = api.get("housing-admin", "/api/agencies/housing").json();
      assertThat(details.path("departments").toString()).contains("housing-dept", "housing-law").doesNotContain("planning");
      assertThat(api.get("housing-admin", "/api/agencies/default").status()).isEqualTo(403);
    } finally {
      agencies.updateLetterHeader("housing", housing, "test");
      org.camunda.bpm.engine.identity.Tenant tenant = identities.createTenantQuery().tenantId("housing").singleResult();
      tenant.setName(housing.name());
      identities.saveTenant(tenant);
      jdbc.sql("delete from dd_department where code = 'housing-law'").update();
      jdbc.sql("delete from dd_department where code = 'extra'").update();
      agencies.forget();
    }
  }

  @Test
  void theDefaultAgencysFormsOfferItsDepartmentsAndTheDisplayCopyLeavesNoHistory() {
    Task check = route.task(route.registerWalkIn("2025年度部门预算"), "Task_CheckCompleteness");
    assertThat(departmentOptions(check)).contains("\"value\":\"planning\"", "\"value\":\"finance\"", "\"value\":\"office\"")
        .doesNotContain("housing-dept");
    assertThat(jdbc.sql("select count(*) from act_hi_varinst where name_ = 'departmentOptions'").query(Long.class).single())
        .isZero();
  }

  /** As Tasklist reads them: with the form variables (not stored, so never in the history either). */
  private String departmentOptions(Task task) {
    TypedValue v = forms.getTaskFormVariables(task.getId(), java.util.List.of("departmentOptions"), false)
        .getValueTyped("departmentOptions");
    assertThat(v).as("departmentOptions of " + task.getTaskDefinitionKey()).isNotNull();
    assertThat(v.getType().getName()).isEqualTo("json");
    return ((org.camunda.bpm.engine.variable.value.SerializableValue) v).getValueSerialized();
  }

  private Response put(String user, String path, String json) {
    return api.put(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static String walkIn(String description) {
    return """
        {"channel":"IN_PERSON","applicant":{"type":"NATURAL_PERSON","name":"张三","idType":"RESIDENT_ID",
         "idNumber":"11010519491231002X","phone":"13800000000"},"description":"%s","format":"PAPER","delivery":"PICKUP"}"""
        .formatted(description);
  }

  private static List<String> codes(JsonNode list) {
    List<String> codes = new ArrayList<>();
    list.forEach(a -> codes.add(a.path("code").asText()));
    return codes;
  }

  private static String suffix() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return s.toString();
  }
}
