package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosuredesk.route.RouteTestSupport.at;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithheldPart;
import org.disclosuredesk.casefile.WithholdingGround;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reply of one case of every outcome, 2019 and 2007 regime, issued and rendered to PDF (embedded
 * Chinese font) into target/letters-preview/reply-{regime}-{outcome}.pdf to be looked at
 * ({@code pdftoppm -png -r 70 …}); the PDF text cites the article of the hand-written table.
 */
@DeskSpringTest
class ReplyPdfGalleryIntegrationTest {

  @Autowired Letters letters;
  @Autowired CaseRegister register;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyOutcomeOfBothRegimesRendersToPdfCitingItsArticle() throws Exception {
    at("2026-11-23T10:00");
    Files.createDirectories(LettersIntegrationTest.PREVIEW);
    List<String> wrong = new ArrayList<>();
    for (String regime : List.of("2019", "2007")) {
      LocalDate received = regime.equals("2019") ? LocalDate.of(2026, 11, 2) : LocalDate.of(2019, 3, 4);
      Map<Outcome, String> table = regime.equals("2019") ? ReplyLawIntegrationTest.OUTCOME_2019
          : ReplyLawIntegrationTest.OUTCOME_2007;
      for (Outcome outcome : Outcome.values()) {
        String caseNumber = SampleCases.create(register, received, "zhangsan@example.com");
        IssuedLetter reply = letters.issue(SampleCases.AGENCY, caseNumber, LetterType.REPLY, "reception",
            details(outcome));
        byte[] pdf = letters.pdf(reply);
        Path file = LettersIntegrationTest.PREVIEW.resolve("reply-" + regime + "-" + outcome.name() + ".pdf");
        Files.write(file, pdf);
        String text = LettersIntegrationTest.pdfText(pdf);
        LettersIntegrationTest.assertEmbeddedFonts(pdf);
        String article = table.get(outcome);
        if (!article.isEmpty() && !text.contains(article)) {
          wrong.add(file + " does not cite " + article);
        }
        if (regime.equals("2007") && text.contains("第三十六条")) {
          wrong.add(file + " cites a 2019 article");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static Map<String, Object> details(Outcome outcome) {
    Map<String, Object> d = new HashMap<>(Map.of("outcome", outcome));
    switch (outcome) {
      case WITHHOLD -> d.put("ground", WithholdingGround.SECURITY_STABILITY);
      case PARTIAL -> {
        d.put("withheldParts", List.of(new WithheldPart("第3页至第5页会议讨论记录", WithholdingGround.PROCESS_INFO),
            new WithheldPart("附件2中第三人的身份证号码", WithholdingGround.THIRD_PARTY_RIGHTS)));
        d.put("redactions", "对上述内容作遮盖处理后提供");
      }
      case NOT_THIS_AGENCY -> {
        d.put("responsibleAgency", "示例市住房和城乡建设局");
        d.put("responsibleAgencyContact", "0000-87654321，示例市建设路8号");
      }
      case ALREADY_PUBLIC -> {
        d.put("publishedPlace", "本机关门户网站“财政预决算”专栏");
        d.put("publishedUrl", "https://www.example.gov.cn/czyjs/2025.html");
      }
      case SPECIAL_REGIME -> {
        d.put("otherProcedureLaw", "《不动产登记暂行条例》");
        d.put("procedure", "持身份证明向示例市不动产登记中心申请查询、复制不动产登记资料");
      }
      case OTHER -> d.put("note", "申请人于2026年11月20日书面撤回申请，本机关终止处理。");
      default -> { }
    }
    return d;
  }
}
