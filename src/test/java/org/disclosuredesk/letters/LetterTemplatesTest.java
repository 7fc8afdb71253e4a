package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterTemplatesTest {

  @TempDir Path dir;

  private static LettersProperties properties(Path templateDir, Path font) {
    return new LettersProperties(null, null, templateDir, font, null, null, null, null, null, null);
  }

  @Test
  void fileInTheTemplateFolderWinsOverTheBundledOneAndChangesApplyAtOnce() throws Exception {
    LetterTemplates templates = new LetterTemplates(properties(dir, null));
    Files.writeString(dir.resolve("greeting.html"), "<p th:text=\"${name}\">x</p>");
    assertThat(templates.render("greeting", Map.of("name", "第一版"))).isEqualTo("<p>第一版</p>");

    Files.writeString(dir.resolve("greeting.html"), "<div th:text=\"${name}\">x</div>");
    assertThat(templates.render("greeting", Map.of("name", "第二版"))).isEqualTo("<div>第二版</div>");

    Files.writeString(dir.resolve("letter.css"), "body { color: red; }");
    assertThat(templates.stylesheet()).isEqualTo("body { color: red; }");
  }

  @Test
  void withoutAnOverrideTheBundledTemplateAndStylesheetAreUsed() {
    LetterTemplates templates = new LetterTemplates(properties(dir, null));
    assertThat(templates.stylesheet()).contains("@page", "size: A4", "LetterFont");
    assertThatThrownBy(() -> templates.render("no-such-letter", Map.of())).hasMessageContaining("no-such-letter");
  }

  @Test
  void aConfiguredFontThatIsMissingOrNotTrueTypeFailsClearly() throws Exception {
    LetterFont missing = new LetterFont(properties(null, dir.resolve("nope.ttf")));
    assertThatThrownBy(missing::file).hasMessageContaining("字体文件不可用").hasMessageContaining("nope.ttf");

    Path notAFont = Files.writeString(dir.resolve("fake.ttf"), "not a font");
    assertThatThrownBy(new LetterFont(properties(null, notAFont))::file).hasMessageContaining("TrueType");

    Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
    if (Files.isReadable(noto)) { // CFF outlines: PDFBox cannot embed them
      assertThatThrownBy(new LetterFont(properties(null, noto))::file).hasMessageContaining("字体文件不可用");
    }
  }

  @Test
  void aSystemFontIsFoundByDefault() {
    assertThat(new LetterFont(properties(null, null)).file()).isIn(LetterFont.DEBIAN_CANDIDATES);
  }

  @Test
  void chineseDates() {
    assertThat(ChineseDates.format(java.time.LocalDate.of(2026, 12, 25))).isEqualTo("2026年12月25日");
    assertThat(ChineseDates.format(java.time.LocalDate.of(2027, 1, 5))).isEqualTo("2027年1月5日");
    assertThat(ChineseDates.format(null)).isEmpty();
  }
}
