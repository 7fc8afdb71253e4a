package org.disclosuredesk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.web.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Proposals from the text layer and burnt-in redactions: nothing hidden survives, the ground is pixels only. */
class RedactionTest {

  static final DocumentsProperties LIMITS = new DocumentsProperties(DataSize.ofMegabytes(20),
      DataSize.ofMegabytes(200), 500, 100_000, DataSize.ofMegabytes(200), 2000, DataSize.ofMegabytes(200),
      DataSize.ofMegabytes(32), 150);

  final RedactionProposals proposals = new RedactionProposals(LIMITS);
  final RedactionBurner burner = new RedactionBurner(LIMITS, new RedactionFont());
  Path original;
  Path redacted;

  @BeforeEach
  void writeOriginal() throws Exception {
    original = Files.createTempFile("redaction-test-", ".pdf");
    Files.write(original, TestPdfs.withPersonalData(2));
  }

  @AfterEach
  void cleanUp() throws Exception {
    Files.deleteIfExists(original);
    if (redacted != null) {
      Files.deleteIfExists(redacted);
    }
  }

  @Test
  void proposesTheIdPhoneAndEmailAndNothingInvalid() {
    List<RedactionArea.Proposal> found = proposals.find(original);

    assertThat(found).extracting(RedactionArea.Proposal::kind).containsExactlyInAnyOrder("RESIDENT_ID", "MOBILE", "EMAIL");
    assertThat(found).allSatisfy(p -> {
      assertThat(p.page()).isEqualTo(1);
      assertThat(p.ground()).isEqualTo(WithholdingGround.THIRD_PARTY_RIGHTS);
      assertThat(p.label()).isEqualTo("个人隐私");
    });
    // the ID is on the second line: baseline 660 pt from the bottom = 182 pt from the top of an A4 page
    RedactionArea.Proposal id = found.stream().filter(p -> p.kind().equals("RESIDENT_ID")).findFirst().orElseThrow();
    double baselineFromTop = TestPdfs.PAGE_HEIGHT - (TestPdfs.NAME_BASELINE - 40);
    assertThat(id.y()).isBetween(baselineFromTop - 16, baselineFromTop - 8);
    assertThat(id.y() + id.height()).isBetween(baselineFromTop, baselineFromTop + 6);
    assertThat(id.x()).isGreaterThan(72);
    assertThat(id.width()).isBetween(90.0, 130.0); // 18 digits of 12 pt Helvetica ≈ 120 pt
  }

  @Test
  void burntInPdfHasNoTextMetadataAnnotationsOrOutlineAndKeepsTheOriginal() throws Exception {
    String originalHash = Hashing.of(original);
    List<RedactionArea> areas = new ArrayList<>();
    proposals.find(original).forEach(p -> areas.add(new RedactionArea(p.page(), p.x(), p.y(), p.width(), p.height(),
        p.unit(), p.ground(), p.label())));
    // the name by hand: its line, in points from the top-left
    float nameTop = TestPdfs.PAGE_HEIGHT - TestPdfs.NAME_BASELINE - 12;
    areas.add(new RedactionArea(1, 70, nameTop, 180, 18, "pt", WithholdingGround.THIRD_PARTY_RIGHTS, "个人隐私"));

    redacted = burner.burn(original, areas);

    try (PDDocument out = Loader.loadPDF(redacted.toFile())) {
      String text = new PDFTextStripper().getText(out);
      assertThat(text).doesNotContain(TestPdfs.ID, TestPdfs.PHONE, TestPdfs.EMAIL, TestPdfs.NAME, "Wang",
          "approved plan", "个人隐私", "第十五条");
      assertThat(text.strip()).isEmpty(); // no text layer at all
      assertThat(out.getNumberOfPages()).isEqualTo(2);
      assertThat(out.getDocumentInformation().getTitle()).isNull();
      assertThat(out.getDocumentInformation().getAuthor()).isNull();
      assertThat(out.getDocumentCatalog().getDocumentOutline()).isNull();
      assertThat(out.getDocumentCatalog().getNames()).isNull();
      assertThat(out.getDocumentCatalog().getMetadata()).isNull();
      for (PDPage page : out.getPages()) {
        assertThat(page.getAnnotations()).isEmpty();
        assertThat(page.getResources().getFontNames()).isEmpty();
        assertThat(page.getResources().getXObjectNames()).hasSize(1);
      }
      // page 2 has no colour: stored as an 8-bit grey image (page 1 has the annotation's icon)
      var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) out.getPage(1).getResources()
          .getXObject(out.getPage(1).getResources().getXObjectNames().iterator().next());
      assertThat(image.getColorSpace().getName()).isEqualTo("DeviceGray");
      String raw = new String(Files.readAllBytes(redacted), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThat(raw).doesNotContain(TestPdfs.TITLE, TestPdfs.AUTHOR, "annotation secret", "outline secret");

      // the ground is painted into the box: black around, white strokes of the text inside
      BufferedImage page1 = new PDFRenderer(out).renderImageWithDPI(0, 72);
      RedactionArea name = areas.get(areas.size() - 1);
      int black = 0;
      int white = 0;
      for (int x = (int) name.x() + 2; x < name.x() + name.width() - 2; x++) {
        for (int y = (int) name.y() + 2; y < name.y() + name.height() - 2; y++) {
          int rgb = page1.getRGB(x, y) & 0xFFFFFF;
          int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
          if (lum < 120) {
            black++;
          } else if (lum > 500) {
            white++;
          }
        }
      }
      assertThat(black).as("black box").isGreaterThan(white);
      assertThat(white).as("ground text painted in the box").isGreaterThan(10);
    }
    assertThat(Hashing.of(original)).isEqualTo(originalHash);
  }

  @Test
  void areasOutsideThePagesOrWithoutGroundAreRefused() {
    assertThatThrownBy(() -> burner.burn(original, List.of(
        new RedactionArea(3, 10, 10, 10, 10, "pt", WithholdingGround.THIRD_PARTY_RIGHTS, null))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("页码");
    assertThatThrownBy(() -> burner.burn(original, List.of(new RedactionArea(1, 10, 10, 10, 10, "pt", null, null))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
    assertThatThrownBy(() -> burner.burn(original, List.of(
        new RedactionArea(1, 0.5, 0.5, 0.7, 0.1, "fraction", WithholdingGround.STATE_SECRET, null))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theBoxSaysTheArticleAndTheGround() {
    assertThat(new RedactionArea(1, 0, 0, 1, 1, null, WithholdingGround.THIRD_PARTY_RIGHTS, "个人隐私").boxText())
        .isEqualTo("第十五条 个人隐私");
    assertThat(new RedactionArea(1, 0, 0, 1, 1, null, WithholdingGround.STATE_SECRET, null).boxText())
        .isEqualTo("第十四条 属于国家秘密");
  }
}
