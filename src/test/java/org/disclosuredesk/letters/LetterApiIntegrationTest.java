package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.disclosuredesk.casefile.CaseRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@DeskSpringTest
class LetterApiIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired CaseRegister register;
  @Autowired Letters letters;

  String caseNumber;

  @BeforeEach
  void sampleCase() {
    caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), null);
  }

  @Test
  void receiptIsIssuedOnceAndServedAsHtmlOrPdf() throws Exception {
    String first = mvc.perform(get("/api/requests/{n}/receipt", caseNumber).with(httpBasic("reception", "reception")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andReturn().getResponse().getContentAsString();
    assertThat(first).contains("申请接收回执", caseNumber, "2026年11月20日", "2026年12月18日前", "查询办理进度");

    String again = mvc.perform(get("/api/requests/{n}/receipt", caseNumber).with(httpBasic("officer-planning", "officer-planning")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(again).isEqualTo(first);
    assertThat(letters.list(SampleCases.AGENCY, caseNumber)).hasSize(1);

    // the portal reads only the receipts of the cases it submitted (issue 8): this one is a walk-in
    mvc.perform(get("/api/requests/{n}/receipt?format=pdf", caseNumber).with(httpBasic("portal", "portal")))
        .andExpect(status().isNotFound());
    byte[] pdf = mvc.perform(get("/api/requests/{n}/receipt?format=pdf", caseNumber).with(httpBasic("reception", "reception")))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_PDF))
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
        .andReturn().getResponse().getContentAsByteArray();
    assertThat(LettersIntegrationTest.pdfText(pdf)).contains("申请接收回执", caseNumber);
  }

  @Test
  void lettersAreListedAndDownloadedAgain() throws Exception {
    IssuedLetter reply = letters.issue(SampleCases.AGENCY, caseNumber, LetterType.REPLY, "officer-planning",
        Map.of("outcome", "NOT_EXIST"));

    mvc.perform(get("/api/requests/{n}/letters", caseNumber).with(httpBasic("supervisor", "supervisor")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(reply.id()))
        .andExpect(jsonPath("$[0].type").value("REPLY"))
        .andExpect(jsonPath("$[0].title").value("政府信息公开申请答复书"))
        .andExpect(jsonPath("$[0].issuedBy").value("officer-planning"))
        .andExpect(jsonPath("$[0].delivery").value("EMAIL"))
        .andExpect(jsonPath("$[0].pdf").value("/api/requests/" + caseNumber + "/letters/" + reply.id() + "?format=pdf"));

    mvc.perform(get("/api/requests/{n}/letters/{id}", caseNumber, reply.id()).with(httpBasic("reception", "reception")))
        .andExpect(status().isOk())
        .andExpect(content().string(PrintToolbar.decorate(letters.html(reply), "?format=pdf")));
    byte[] pdf = mvc.perform(get("/api/requests/{n}/letters/{id}?format=pdf", caseNumber, reply.id())
            .with(httpBasic("reception", "reception")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(LettersIntegrationTest.pdfText(pdf)).contains("第三十六条第（四）项");
  }

  @Test
  void caseOfAnotherDepartmentOrUnknownIsNotFoundAndBadFormatIsRefused() throws Exception {
    mvc.perform(get("/api/requests/{n}/receipt", caseNumber).with(httpBasic("officer-finance", "officer-finance")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.errors[0].field").value("caseNumber"));
    mvc.perform(get("/api/requests/{n}/letters", caseNumber).with(httpBasic("portal", "portal")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/requests/GK-2026-99999/letters").with(httpBasic("reception", "reception")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/requests/{n}/letters/999999", caseNumber).with(httpBasic("reception", "reception")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/requests/{n}/receipt?format=docx", caseNumber).with(httpBasic("reception", "reception")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("format"));
    mvc.perform(get("/api/requests/{n}/receipt", caseNumber)).andExpect(status().isUnauthorized());
  }
}
