package org.disclosuredesk.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Scanned PDFs for the tests and the documents benchmark. */
public final class ScannedPdf {

  private ScannedPdf() {}

  /**
   * A copier's scan: A4 pages at {@code dpi}, grey, lines of dark strokes on a slightly noisy background, each page one
   * JPEG and no text layer (so no automatic proposals: the areas are drawn by hand).
   */
  public static byte[] scan(int pages, int dpi) throws IOException {
    Random random = new Random(pages);
    int w = Math.round(PDRectangle.A4.getWidth() / 72f * dpi);
    int h = Math.round(PDRectangle.A4.getHeight() / 72f * dpi);
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int p = 0; p < pages; p++) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(238, 238, 238));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 4000; i++) {
          int v = 200 + random.nextInt(40);
          g.setColor(new Color(v, v, v));
          g.fillRect(random.nextInt(w), random.nextInt(h), 2, 2);
        }
        g.setColor(new Color(40, 40, 40));
        for (int y = 180; y < h - 180; y += 64) {
          for (int x = 160; x < w - 160; x += 24 + random.nextInt(8)) {
            g.fillRect(x, y + random.nextInt(6), 14 + random.nextInt(6), 26 + random.nextInt(8));
          }
        }
        g.dispose();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDImageXObject picture = JPEGFactory.createFromImage(doc, img, 0.75f, dpi);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          c.drawImage(picture, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

}
