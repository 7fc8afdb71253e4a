package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.fee.FeeCalculator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DeskSpringTest
class LettersIntegrationTest {

  /** The PDFs of every letter land here, to be looked at: pdftoppm -png -r 60 target/letters-preview/x.pdf */
  static final Path PREVIEW = Path.of("target/letters-preview");

  @Autowired Letters letters;
  @Autowired CaseRegister register;

  String caseNumber;

  @BeforeEach
  void sampleCase() {
    caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "zhangsan@example.com");
  }

  @Test
  void everyLetterTypeRendersAsHtmlAndPdfWithChineseTextIntact() throws IOException {
    Files.createDirectories(PREVIEW);
    for (LetterType type : LetterType.values()) {
      IssuedLetter letter = letters.issue(SampleCases.AGENCY, caseNumber, type, "reception", detailsFor(type));

      String html = letters.html(letter);
      assertThat(html).as(type.name()).contains(type.title(), caseNumber, "示例市人民政府办公室", "2026年11月20日")
          .contains("@page").doesNotContain("th:text", "th:replace", "xmlns:th");

      byte[] pdf = letters.pdf(letter);
      Files.write(PREVIEW.resolve(type.template() + ".pdf"), pdf);
      String text = pdfText(pdf);
      assertThat(text).as(type.name() + " PDF text").contains(type.title().substring(0, 4), caseNumber.substring(0, 7),
          "示例市人民政府办公室", "年11月20日");
      assertEmbeddedFonts(pdf);
    }
    assertThat(letters.list(SampleCases.AGENCY, caseNumber)).extracting(IssuedLetter::type)
        .containsExactly(LetterType.values());
    assertThat(register.timeline(SampleCases.AGENCY, caseNumber))
        .filteredOn(e -> e.kind().equals(Letters.TIMELINE_KIND)).hasSize(LetterType.values().length);
  }

  @Test
  void receiptStatesReceiptDateDueDateAndHowToAsk() throws IOException {
    IssuedLetter receipt = letters.issue(SampleCases.AGENCY, caseNumber, LetterType.RECEIPT, "reception", Map.of());
    String text = pdfText(letters.pdf(receipt));
    assertThat(text).contains("申请接收回执", caseNumber, "张三", "2026年11月20日", "2026年12月18日前", "第三十三条",
        "20个工作日", "查询办理进度");
    assertThat(text).doesNotContain("尚未", "null");
  }

  @Test
  void replyStatesOutcomeBasisGroundAndRemedies() throws IOException {
    String withhold = ReplyLawIntegrationTest.text(letters.preview(SampleCases.AGENCY, caseNumber, LetterType.REPLY,
        Map.of("outcome", Outcome.WITHHOLD, "ground", WithholdingGround.THIRD_PARTY_RIGHTS, "note", "涉及商业秘密")));
    assertThat(withhold).contains("不予公开", "保护第三方合法权益", "第三十六条第（三）项、第十五条、第三十二条", "涉及商业秘密",
        "60日内", "应当先向示例市人民政府申请行政复议", "15日内");

    String notExist = ReplyLawIntegrationTest.text(
        letters.preview(SampleCases.AGENCY, caseNumber, LetterType.REPLY, Map.of("outcome", "NOT_EXIST")));
    assertThat(notExist).contains("第三十六条第（四）项", "60日内", "应当先向示例市人民政府申请行政复议")
        .doesNotContain("6个月内");
    String disclose = ReplyLawIntegrationTest.text(
        letters.preview(SampleCases.AGENCY, caseNumber, LetterType.REPLY, Map.of("outcome", "DISCLOSE")));
    assertThat(disclose).contains("第三十六条第（二）项", "60日内", "6个月内").doesNotContain("应当先");

    for (Outcome outcome : Outcome.values()) {
      String html = letters.preview(SampleCases.AGENCY, caseNumber, LetterType.REPLY, Map.of("outcome", outcome,
          "ground", WithholdingGround.PROCESS_INFO));
      assertThat(html).as(outcome.name()).doesNotContain("尚未确定答复类型").contains("行政复议");
      if (!outcome.basis().isBlank()) {
        assertThat(html).as(outcome.name() + " basis").contains(outcome.basis());
      }
    }
  }

  @Test
  void issuedLetterIsServedExactlyAsIssuedEvenAfterTheCaseChanges() {
    IssuedLetter letter = letters.issue(SampleCases.AGENCY, caseNumber, LetterType.RECEIPT, "reception", Map.of());
    String issued = letters.html(letter);
    register.setDueOn(SampleCases.AGENCY, caseNumber, LocalDate.of(2027, 1, 29));

    assertThat(letters.html(letter)).isEqualTo(issued).contains("2026年12月18日");
    assertThat(letters.preview(SampleCases.AGENCY, caseNumber, LetterType.RECEIPT, Map.of())).contains("2027年1月29日");
  }

  @Test
  void unknownCaseIsRefused() {
    assertThatThrownBy(() -> letters.issue(SampleCases.AGENCY, "GK-1999-00001", LetterType.RECEIPT, "x", Map.of()))
        .isInstanceOf(CaseNotFoundException.class);
  }

  private Map<String, Object> detailsFor(LetterType type) {
    Map<String, Object> d = new HashMap<>();
    switch (type) {
      case SUPPLEMENT_NOTICE -> {
        d.put("items", "请明确所需信息的具体名称、文号或者便于本机关查询的其他特征性描述");
        d.put("supplementDueOn", LocalDate.of(2026, 12, 15));
      }
      case EXTENSION_NOTICE -> {
        d.put("reason", "所需信息涉及多个部门，需要调取档案");
        d.put("extensionDays", 20);
        d.put("newDueOn", LocalDate.of(2027, 1, 18));
      }
      case THIRD_PARTY_CONSULTATION, THIRD_PARTY_DISCLOSURE_NOTICE -> {
        d.put("thirdParty", "示例建设工程有限公司");
        d.put("reason", "涉及公共安全，公开有利于公众监督");
      }
      case AGENCY_CONSULTATION -> d.put("consultedAgency", "示例市住房和城乡建设局");
      case FEE_NOTICE -> {
        d.put("fee", FeeCalculator.perPage(250));
        d.put("paymentDueOn", LocalDate.of(2026, 12, 29));
        d.put("paymentWorkingDays", 20);
        d.put("paymentInstructions", "到本机关政府信息公开工作机构缴费");
      }
      case REPLY -> {
        d.put("outcome", Outcome.PARTIAL);
        d.put("ground", WithholdingGround.PROCESS_INFO);
        d.put("redactions", "第3页至第5页内部讨论记录");
      }
      default -> { }
    }
    return d;
  }

  static String pdfText(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", "");
    }
  }

  /** Every font in the PDF is embedded: no reliance on the reader's fonts. */
  static void assertEmbeddedFonts(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        }
      }
    }
  }
}
