package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import org.disclosuredesk.casefile.CaseRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12: a machine without an embeddable Chinese font (simulated by pointing the font setting at a
 * missing file). The application starts; PDF links answer 503 with a Chinese message naming the Debian
 * package; HTML letters work; health says so and stays UP. Never a 500.
 */
@SpringBootTest(properties = "disclosure.letters.font=/nonexistent/no-chinese-font.ttf")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class LetterFontMissingIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Letters letters;
  @Autowired CaseRegister register;
  @Autowired LetterFontHealth health;

  @Test
  void pdfLinksAnswer503NamingThePackageWhileHtmlLettersWork() throws Exception {
    String caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "a@example.com");
    IssuedLetter receipt = letters.issue(SampleCases.AGENCY, caseNumber, LetterType.RECEIPT, "reception", Map.of());

    mvc.perform(get("/api/requests/{n}/letters/{id}?format=pdf", caseNumber, receipt.id())
            .with(httpBasic("reception", "reception")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.errors[0].field").value("format"))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("fonts-arphic-uming")));
    mvc.perform(get("/api/requests/{n}/receipt?format=pdf", caseNumber).with(httpBasic("reception", "reception")))
        .andExpect(status().isServiceUnavailable());
    mvc.perform(get("/api/requests/{n}/letters/{id}", caseNumber, receipt.id()).with(httpBasic("reception", "reception")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("申请接收回执")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("下载 PDF")));

    Health h = health.health();
    assertThat(h.getStatus()).isEqualTo(Status.UP);
    assertThat(h.getDetails()).containsEntry("pdf", "unavailable");
    assertThat(h.getDetails().get("message").toString()).contains("fonts-arphic-uming");
  }
}
