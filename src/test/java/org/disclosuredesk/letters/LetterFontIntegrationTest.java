package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.disclosuredesk.casefile.CaseRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Issue 12: names with a character outside the main font (𠮷, CJK Extension B) and an emoji print
 * recognisably — never as "#" — and the receipt stays one A4 page for the longest description.
 * Read back with poppler's pdftotext, as a person copying the text would get it.
 */
@DeskSpringTest
class LetterFontIntegrationTest {

  @Autowired Letters letters;
  @Autowired CaseRegister register;
  @Autowired LetterFontHealth health;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void rareCharactersAndEmojiInNamesArePrintedWithoutHash() throws Exception {
    String caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), null, "吉𠮷祥😀\uD83E\uDEE8", "110101199003071234",
        "planning");
    IssuedLetter receipt = letters.issue(SampleCases.AGENCY, caseNumber, LetterType.RECEIPT, "reception", Map.of());

    byte[] pdf = letters.pdf(receipt);
    Path file = Files.createDirectories(Path.of("target/letters-preview")).resolve("receipt-rare-characters.pdf");
    Files.write(file, pdf);
    String text = pdftotext(file);

    // 𠮷 and 😀 come from the fallback font (fonts-hanazono); a character no installed font has shows its code point
    assertThat(text).contains(caseNumber, "吉𠮷祥", "😀", "[U+1FAE8]").doesNotContain("#");
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("pdf", "available");
  }

  @Test
  void receiptOfTheLongestDescriptionIsOneA4Page() throws Exception {
    String caseNumber = SampleCases.create(register, LocalDate.of(2026, 11, 20), "a@example.com");
    jdbc.sql("update dd_case set description = ? where agency_code = ? and case_number = ?")
        .params("老旧小区改造项目的立项批复和资金安排。".repeat(210), SampleCases.AGENCY, caseNumber).update();
    IssuedLetter receipt = letters.issue(SampleCases.AGENCY, caseNumber, LetterType.RECEIPT, "reception", Map.of());
    byte[] pdf = letters.pdf(receipt);
    Files.write(Files.createDirectories(Path.of("target/letters-preview")).resolve("receipt-long.pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
    }
    Health h = health.health();
    assertThat(h.getDetails().get("font").toString()).endsWith(".ttc");
  }

  static String pdftotext(Path pdf) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("pdftotext (Debian package poppler-utils): " + out).isZero();
    return out;
  }
}
