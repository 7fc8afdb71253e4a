package org.disclosuredesk.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** The scan shortcut draws exactly the pixels PDFBox draws, and only takes the images it is meant for. */
class ScanPageRendererTest {

  /** Page 1 a grey JPEG scan; page 2 the same scan beside a colour image and text; page 3 a grey PNG (Flate). */
  static byte[] mixed() throws Exception {
    try (PDDocument scan = Loader.loadPDF(ScannedPdf.scan(1, 100)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDImageXObject grey = (PDImageXObject) scan.getPage(0).getResources()
          .getXObject(scan.getPage(0).getResources().getXObjectNames().iterator().next());
      java.awt.image.WritableRaster samples = grey.getRawRaster();
      BufferedImage greyImage = new BufferedImage(samples.getWidth(), samples.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      greyImage.setData(samples);
      PDPage two = new PDPage(PDRectangle.A4);
      scan.addPage(two);
      BufferedImage colour = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = colour.createGraphics();
      g.setColor(new Color(200, 30, 60));
      g.fillRect(0, 0, 60, 80);
      g.setColor(new Color(20, 160, 90));
      g.fillRect(60, 0, 60, 80);
      g.dispose();
      BufferedImage greyPng = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
      for (int x = 0; x < 200; x++) {
        for (int y = 0; y < 100; y++) {
          greyPng.getRaster().setSample(x, y, 0, (x + y) % 256);
        }
      }
      try (PDPageContentStream c = new PDPageContentStream(scan, two)) {
        c.drawImage(JPEGFactory.createFromImage(scan, greyImage, 0.8f, 100), 30, 300, 300, 424);
        c.drawImage(LosslessFactory.createFromImage(scan, colour), 350, 600, 120, 80);
        c.beginText();
        c.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 14);
        c.newLineAtOffset(350, 550);
        c.showText("text beside the scan");
        c.endText();
      }
      PDPage three = new PDPage(PDRectangle.A5);
      scan.addPage(three);
      try (PDPageContentStream c = new PDPageContentStream(scan, three)) {
        c.drawImage(LosslessFactory.createFromImage(scan, greyPng), 40, 40, 300, 150);
      }
      scan.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void samePixelsAsPdfBoxOnScansMixedPagesAndOtherImages() throws Exception {
    try (PDDocument doc = Loader.loadPDF(mixed())) {
      List<Boolean> taken = new ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          taken.add(ScanPageRenderer.plainGray((PDImageXObject) page.getResources().getXObject(name)));
        }
      }
      // the grey scans and the grey PNG take the shortcut, the colour image does not
      assertThat(taken).containsExactlyInAnyOrder(true, true, false, true);
      PDFRenderer plain = new PDFRenderer(doc);
      PDFRenderer fast = new ScanPageRenderer(doc);
      for (float dpi : new float[] {72, 150}) {
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
          BufferedImage expected = plain.renderImageWithDPI(i, dpi, ImageType.RGB);
          BufferedImage actual = fast.renderImageWithDPI(i, dpi, ImageType.RGB);
          assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
          int[] e = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
          int[] a = actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth());
          assertThat(a).as("page %d at %s dpi", i + 1, dpi).isEqualTo(e);
        }
      }
    }
  }
}
