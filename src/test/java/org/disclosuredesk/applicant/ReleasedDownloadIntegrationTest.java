package org.disclosuredesk.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.documents.DocumentDecision;
import org.disclosuredesk.documents.DocumentInfo;
import org.disclosuredesk.documents.DocumentReview;
import org.disclosuredesk.documents.Documents;
import org.disclosuredesk.documents.ScannedPdf;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.intake.Registration;
import org.disclosuredesk.route.RouteTestSupport;
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

/**
 * Released files too large for the reply mail (issue 13): the mail says where and until when to download them, the
 * applicant downloads them on /track/ with the code during the download period, and not after it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9"})
class ReleasedDownloadIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RouteTestSupport route;
  @Autowired CaseRegistration registration;
  @Autowired Documents documents;
  @Autowired DocumentReview review;

  @BeforeEach
  void clearThrottle() {
    jdbc.sql("delete from dd_public_throttle").update();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aScanOverTheMailLimitIsDownloadedWithTheCodeUntilTheDateTheMailGives() throws Exception {
    at("2026-03-02T09:00");
    Registration r = registration.registerAndStart(Agency.DEFAULT,
        RouteTestSupport.walkIn("2025年人民路改造工程的竣工图纸", null), null, "reception");
    ProcessInstance pi = route.instanceOf(r.caseNumber());
    route.acceptFor(pi, "planning");
    byte[] scan = ScannedPdf.scan(50, 200); // about 17 MB: above the 15 MB the reply mail may carry
    assertThat(scan.length).isGreaterThan(15 * 1024 * 1024);
    DocumentInfo found = documents.upload(r.caseNumber(), "竣工图纸（扫描件）.pdf", "RESPONSIVE",
        () -> new ByteArrayInputStream(scan), new CurrentUser("officer-planning", Set.of("dept-planning"), Set.of("default")));
    route.propose(pi, "DISCLOSE");
    review.decide(r.caseNumber(), found.id(), DocumentDecision.Decision.RELEASE, null,
        new CurrentUser("reviewer", Set.of(Groups.CONFIDENTIALITY), Set.of("default")));
    at("2026-03-03T10:00");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");

    // replied on 2026-03-03: downloadable for 90 days, to 2026-06-01; the mail says so instead of attaching 17 MB
    String body = jdbc.sql("select body from dd_mail where case_number = ? and kind = 'REPLY'").param(r.caseNumber())
        .query(String.class).single();
    assertThat(body).contains("超过邮件附件上限，未随本邮件发送").contains("2026年6月1日前凭案件编号和查询码");

    MockHttpSession session = new MockHttpSession();
    String page = track(session, r.caseNumber(), r.verificationCode());
    assertThat(page).contains("竣工图纸（扫描件）.pdf").contains("网上下载期限至 <span>2026-06-01</span>");
    MockHttpServletResponse file = mvc.perform(get(documentLink(page)).session(session)).andReturn().getResponse();
    assertThat(file.getStatus()).isEqualTo(200);
    assertThat(file.getContentAsByteArray()).isEqualTo(scan);

    // the last minutes of the period: the link works; a few minutes later the same link no longer does
    at("2026-06-01T23:58");
    MockHttpSession late = new MockHttpSession();
    String link = documentLink(track(late, r.caseNumber(), r.verificationCode()));
    at("2026-06-02T00:01");
    MockHttpServletResponse expired = mvc.perform(get(link).session(late)).andReturn().getResponse();
    assertThat(expired.getStatus()).isEqualTo(404);
    assertThat(expired.getContentAsString(StandardCharsets.UTF_8)).contains("网上下载期限已过");
    // and the page offers no file, saying until when it was online
    String after = track(new MockHttpSession(), r.caseNumber(), r.verificationCode());
    assertThat(after).contains("id=\"documents-expired\"").doesNotContain("/track/documents/");
  }

  private String track(MockHttpSession session, String caseNumber, String code) throws Exception {
    mvc.perform(post("/track/").session(session).with(csrf()).param("caseNumber", caseNumber).param("code", code));
    return mvc.perform(get("/track/case").session(session)).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static String documentLink(String page) {
    Matcher m = Pattern.compile("(/track/documents/[A-Za-z0-9_-]+)\"").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }
}
