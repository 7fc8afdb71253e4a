package org.disclosuredesk.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /apply/}: validation as the API's, the form challenge, limits, the same request twice (issue 14). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9"})
class ApplyIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired FormChallenge challenge;

  @BeforeEach
  void setUp() {
    jdbc.sql("delete from dd_public_throttle").update();
    jdbc.sql("delete from dd_online_application").update();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Map<String, String> valid(String description) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("applicant.type", "NATURAL_PERSON");
    f.put("applicant.name", "李四");
    f.put("applicant.idType", "RESIDENT_ID");
    f.put("applicant.idNumber", "11010519491231002X");
    f.put("applicant.email", "lisi@example.com");
    f.put("applicant.phone", "13900000000");
    f.put("description", description);
    f.put("purpose", "了解本地规划");
    f.put("format", "ELECTRONIC");
    f.put("delivery", "EMAIL");
    f.put("consent", "yes");
    return f;
  }

  long cases() {
    return jdbc.sql("select count(*) from dd_case").query(Long.class).single();
  }

  /** Opens the form at {@code openAt}, submits it at {@code submitAt} with a proof when {@code solve}. */
  MockHttpServletResponse apply(Map<String, String> form, String openAt, String submitAt, boolean solve, String address)
      throws Exception {
    MockHttpSession session = new MockHttpSession();
    at(openAt);
    String page = mvc.perform(get("/apply/").session(session)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("name=\"challenge\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    at(submitAt);
    MockHttpServletRequestBuilder post = post("/apply/").session(session).with(csrf()).with(r -> {
      r.setRemoteAddr(address);
      return r;
    }).param("challenge", token).param("proof", solve ? String.valueOf(FormChallenge.solve(token, challenge.bits())) : "");
    form.forEach(post::param);
    if (!form.containsKey("agency")) {
      post.param("agency", "default");
    }
    return mvc.perform(post).andReturn().getResponse();
  }

  /** As {@link #apply}, multipart with these files (name → content) in the field {@code materials}. */
  MockHttpServletResponse applyWithFiles(Map<String, String> form, Map<String, byte[]> files) throws Exception {
    MockHttpSession session = new MockHttpSession();
    at("2026-03-02T09:00");
    String page = mvc.perform(get("/apply/").session(session)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("name=\"challenge\" value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    at("2026-03-02T09:01");
    var post = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/apply/");
    files.forEach((name, content) -> post.file(new org.springframework.mock.web.MockMultipartFile("materials", name,
        "application/octet-stream", content)));
    post.session(session).with(csrf()).param("challenge", token)
        .param("proof", String.valueOf(FormChallenge.solve(token, challenge.bits()))).param("agency", "default");
    form.forEach(post::param);
    return mvc.perform(post).andReturn().getResponse();
  }

  @Test
  void aMaterialTheStoreRefusesOrOneTooManyRegistersNothing() throws Exception {
    long cases = cases();
    long documents = jdbc.sql("select count(*) from dd_document").query(Long.class).single();
    MockHttpServletResponse fake = applyWithFiles(valid("2025年度城市排水规划"),
        Map.of("身份证.pdf", "这不是PDF文件，只是一段文字".getBytes(StandardCharsets.UTF_8)));
    assertThat(fake.getStatus()).isEqualTo(400);
    assertThat(text(fake)).contains("身份证.pdf：");
    Map<String, byte[]> four = new LinkedHashMap<>();
    for (int i = 1; i <= 4; i++) {
      four.put("材料" + i + ".pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
    }
    MockHttpServletResponse tooMany = applyWithFiles(valid("2025年度城市排水规划"), four);
    assertThat(tooMany.getStatus()).isEqualTo(400);
    assertThat(text(tooMany)).contains("最多上传 3 个文件");
    assertThat(cases()).isEqualTo(cases);
    assertThat(jdbc.sql("select count(*) from dd_document").query(Long.class).single()).isEqualTo(documents);
  }

  static byte[] png() throws java.io.IOException {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /**
   * The case, its route, its acknowledgement and its materials commit together. The second file's row is
   * refused by the database (a check constraint the test adds, as a crash at that point would): nothing
   * of the application is left, the applicant is told so, and sending it again registers all of it.
   */
  @Test
  void anApplicationWhoseMaterialCannotBeStoredLeavesNothingAndCanBeSentAgain() throws Exception {
    String[] tables = {"select count(*) from dd_case", "select count(*) from dd_document",
        "select count(*) from dd_case_event", "select count(*) from dd_mail", "select count(*) from dd_online_application",
        "select count(*) from ACT_RU_EXECUTION", "select count(*) from ACT_HI_PROCINST"};
    long[] before = new long[tables.length];
    for (int i = 0; i < tables.length; i++) {
      before[i] = count(tables[i]);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("身份证.png", png());
    files.put("断电.png", png());
    jdbc.sql("alter table dd_document add constraint dd_test_no_power check (name <> '断电.png')").update();
    MockHttpServletResponse failed;
    try {
      failed = applyWithFiles(valid("2025年度路灯维护合同"), files);
    } finally {
      jdbc.sql("alter table dd_document drop constraint dd_test_no_power").update();
    }
    assertThat(failed.getStatus()).isEqualTo(503);
    assertThat(text(failed)).contains("本次提交未登记、文件也未保存").contains("2025年度路灯维护合同");
    for (int i = 0; i < tables.length; i++) {
      assertThat(count(tables[i])).as(tables[i]).isEqualTo(before[i]);
    }

    // sent again: one case with both files, not "already submitted"
    MockHttpServletResponse again = applyWithFiles(valid("2025年度路灯维护合同"), files);
    assertThat(again.getStatus()).isEqualTo(201);
    String caseNumber = field(text(again), "case-number");
    assertThat(field(text(again), "materials-received")).isEqualTo("已收到 2 个文件");
    assertThat(jdbc.sql("select name from dd_document where case_number = ? order by id").param(caseNumber)
        .query(String.class).list()).containsExactly("身份证.png", "断电.png");

    // a third time within the day, with another file: the first case, unchanged, and the file said not kept
    MockHttpServletResponse duplicate = applyWithFiles(valid("2025年度路灯维护合同"), Map.of("委托书.png", png()));
    assertThat(duplicate.getStatus()).isEqualTo(200);
    assertThat(field(text(duplicate), "case-number")).isEqualTo(caseNumber);
    assertThat(text(duplicate)).contains("id=\"materials-not-taken\"").contains("未保存");
    assertThat(count("select count(*) from dd_document where case_number = '" + caseNumber + "'")).isEqualTo(2);
    assertThat(count("select count(*) from dd_case")).isEqualTo(before[0] + 1);
  }

  static String text(MockHttpServletResponse r) throws Exception {
    return r.getContentAsString(StandardCharsets.UTF_8);
  }

  static String field(String html, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void anOnlineApplicationIsRegisteredWithItsCodeAndMailedOnce() throws Exception {
    long before = cases();
    MockHttpServletResponse r = apply(valid("2025年老旧小区改造项目清单"), "2026-03-02T09:00", "2026-03-02T09:01", true, "10.1.0.1");
    assertThat(r.getStatus()).isEqualTo(201);
    String html = text(r);
    String caseNumber = field(html, "case-number");
    String code = field(html, "verification-code");
    assertThat(caseNumber).matches("GK-2026-\\d{5}");
    assertThat(code).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
    assertThat(field(html, "received-on")).isEqualTo("2026-03-02");
    assertThat(cases()).isEqualTo(before + 1);
    assertThat(jdbc.sql("select channel from dd_case where case_number = ?").param(caseNumber).query(String.class).single())
        .isEqualTo("ONLINE");
    // the acknowledgement mail carries the code
    assertThat(jdbc.sql("select body from dd_mail where case_number = ? and kind = 'ACKNOWLEDGEMENT'").param(caseNumber)
        .query(String.class).single()).contains(caseNumber).contains(code);
    // the code is not in the engine's tables
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where TEXT_ = ?").param(code).query(Long.class).single())
        .isZero();

    // the same request again within a day: the first case, nothing new, no code shown
    MockHttpServletResponse again = apply(valid("2025年老旧小区改造项目清单"), "2026-03-02T15:00", "2026-03-02T15:01", true,
        "10.1.0.2");
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(field(text(again), "case-number")).isEqualTo(caseNumber);
    assertThat(text(again)).doesNotContain(code).contains("已提交过相同的申请");
    assertThat(cases()).isEqualTo(before + 1);
  }

  /** One platform, many agencies (issue 10): the applicant picks the agency; its prefix is in the number. */
  @Test
  void theApplicantPicksTheAgencyWhichHoldsTheCase() throws Exception {
    long before = cases();
    Map<String, String> none = new java.util.HashMap<>(valid("未选机关的申请"));
    none.put("agency", "");
    MockHttpServletResponse refused = apply(none, "2026-03-03T09:00", "2026-03-03T09:01", true, "10.1.0.20");
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(text(refused)).contains("请选择受理机关");
    Map<String, String> unknown = new java.util.HashMap<>(valid("不存在的机关"));
    unknown.put("agency", "nowhere");
    assertThat(apply(unknown, "2026-03-03T09:00", "2026-03-03T09:01", true, "10.1.0.21").getStatus()).isEqualTo(400);
    assertThat(cases()).isEqualTo(before);

    Map<String, String> housing = new java.util.HashMap<>(valid("本市2025年公租房分配结果"));
    housing.put("agency", "housing");
    MockHttpServletResponse r = apply(housing, "2026-03-03T09:00", "2026-03-03T09:01", true, "10.1.0.22");
    assertThat(r.getStatus()).isEqualTo(201);
    String html = text(r);
    String caseNumber = field(html, "case-number");
    assertThat(caseNumber).matches("ZJ-2026-\\d{5}");
    assertThat(html).contains("市住房和城乡建设局");
    assertThat(jdbc.sql("select agency_code from dd_case where case_number = ?").param(caseNumber).query(String.class)
        .single()).isEqualTo("housing");
    assertThat(jdbc.sql("select TENANT_ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ = ? and PARENT_ID_ is null")
        .param(caseNumber).query(String.class).single()).isEqualTo("housing");
    // the form offers every agency, and a link can preselect one
    assertThat(mvc.perform(get("/apply/").param("agency", "housing")).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8)).containsPattern("value=\"housing\"[^>]*selected");
  }

  @Test
  void onARestDayTheNextWorkingDayCounts() throws Exception {
    MockHttpServletResponse r = apply(valid("周末提交的申请"), "2026-03-07T10:00", "2026-03-07T10:02", true, "10.1.0.3");
    assertThat(r.getStatus()).isEqualTo(201);
    assertThat(field(text(r), "received-on")).isEqualTo("2026-03-09");
    assertThat(text(r)).contains("休息日");
  }

  @Test
  void theSameValidationAsTheApiBesideEachField() throws Exception {
    long before = cases();
    Map<String, String> f = valid("某文件");
    f.put("applicant.idNumber", "110105194912310021");
    f.put("applicant.type", "COMMERCIAL_ENTERPRISE");
    f.remove("consent");
    MockHttpServletResponse r = apply(f, "2026-03-02T09:00", "2026-03-02T09:01", true, "10.1.0.4");
    assertThat(r.getStatus()).isEqualTo(400);
    String html = text(r);
    assertThat(html).contains("居民身份证号码无效").contains("法人或其他组织申请须填写联系人")
        .contains("请阅读并同意个人信息处理说明");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void theChallengeRefusesFastFormsMissingProofsAndReusedTokens() throws Exception {
    long before = cases();
    MockHttpServletResponse fast = apply(valid("快"), "2026-03-02T09:00", "2026-03-02T09:00:02", true, "10.1.0.5");
    assertThat(fast.getStatus()).isEqualTo(400);
    assertThat(text(fast)).contains("提交过快");
    MockHttpServletResponse noProof = apply(valid("无证明"), "2026-03-02T09:00", "2026-03-02T09:01", false, "10.1.0.5");
    assertThat(noProof.getStatus()).isEqualTo(400);
    assertThat(text(noProof)).contains("页面校验未完成");
    MockHttpServletResponse unknown = mvc.perform(post("/apply/").with(csrf()).param("challenge", "forged").param("proof", "1"))
        .andReturn().getResponse();
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(cases()).isEqualTo(before);
    // and no body larger than the limit
    MockHttpServletResponse big = mvc.perform(post("/apply/").with(csrf()).contentType("application/x-www-form-urlencoded")
        .content("description=" + "x".repeat(70_000))).andReturn().getResponse();
    assertThat(big.getStatus()).isEqualTo(413);
  }

  @Test
  void oneIdNumberMayApplyFiveTimesADay() throws Exception {
    int created = 0;
    int throttled = 0;
    for (int i = 0; i < 7; i++) {
      MockHttpServletResponse r = apply(valid("第 " + i + " 份不同的申请"), "2026-03-03T09:00", "2026-03-03T09:01", true,
          "10.2.0." + i);
      if (r.getStatus() == 201) {
        created++;
      } else if (r.getStatus() == 429) {
        throttled++;
      }
    }
    assertThat(created).isEqualTo(5);
    assertThat(throttled).isEqualTo(2);
  }
}
