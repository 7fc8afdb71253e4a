package org.disclosuredesk.documents;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Burns redactions in: every page is rendered to an image, the areas are painted black with their
 * ground written in white, and a new PDF is built of those images only. Nothing of the original
 * document object survives: no text layer, fonts, metadata, annotations, attachments, outlines or
 * scripts, under the boxes or elsewhere. One page is in memory at a time.
 */
@Component
class RedactionBurner {

  /**
   * PDFBox's quality hints with bilinear instead of bicubic scaling: a scan drawn at the page's resolution was
   * two fifths of the time of burning a scanned page (DocumentsBenchmark); bilinear takes half as long and still
   * averages neighbouring pixels (nearest-neighbour would not).
   */
  private static final java.awt.RenderingHints HINTS = new java.awt.RenderingHints(java.util.Map.of(
      java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR,
      java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY,
      java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON));

  private final DocumentsProperties limits;
  private final RedactionFont font;

  RedactionBurner(DocumentsProperties limits, RedactionFont font) {
    this.limits = limits;
    this.font = font;
  }

  /** The redacted PDF as a new temporary file (the caller deletes it); {@code source} is only read. */
  Path burn(Path source, List<RedactionArea> areas) throws IOException {
    if (areas == null || areas.isEmpty()) {
      throw new InvalidInputException("areas", "至少标注一处遮盖区域");
    }
    float dpi = limits.redactionDpi();
    Path out = Files.createTempFile("dd-redacted-", ".pdf");
    try (PDDocument original = FileInspector.load(source, limits);
        PDDocument redacted = new PDDocument(MemoryUsageSetting.setupMixed(limits.pdfMainMemory().toBytes()).streamCache)) {
      int pages = original.getNumberOfPages();
      validate(areas, pages);
      PDFRenderer renderer = new ScanPageRenderer(original);
      renderer.setSubsamplingAllowed(false);
      renderer.setRenderingHints(HINTS);
      for (int i = 0; i < pages; i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
        int pageNo = i + 1;
        paint(image, areas.stream().filter(a -> a.page() == pageNo).toList(), dpi);
        PDRectangle size = new PDRectangle(image.getWidth() * 72f / dpi, image.getHeight() * 72f / dpi);
        PDPage page = new PDPage(size);
        redacted.addPage(page);
        PDImageXObject picture = JPEGFactory.createFromImage(redacted, grayIfPossible(image), 0.85f, (int) dpi);
        try (PDPageContentStream content = new PDPageContentStream(redacted, page)) {
          content.drawImage(picture, 0, 0, size.getWidth(), size.getHeight());
        }
        image.flush();
      }
      redacted.save(out.toFile());
      return out;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(out);
      throw e;
    }
  }

  /** A page without colour (most text pages) as an 8-bit grey image: a third of the data to encode and store. */
  static BufferedImage grayIfPossible(BufferedImage image) {
    if (!(image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferInt ints)
        || image.getType() != BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    int[] rgb = ints.getData();
    for (int p : rgb) {
      int r = (p >> 16) & 0xFF;
      int g = (p >> 8) & 0xFF;
      int b = p & 0xFF;
      if (Math.abs(r - g) > 8 || Math.abs(g - b) > 8) {
        return image;
      }
    }
    BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] out = ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < rgb.length; i++) {
      out[i] = (byte) ((rgb[i] >> 8) & 0xFF);
    }
    return gray;
  }

  static void validate(List<RedactionArea> areas, int pages) {
    for (int i = 0; i < areas.size(); i++) {
      RedactionArea a = areas.get(i);
      String field = "areas[" + i + "]";
      if (a == null || a.ground() == null) {
        throw new InvalidInputException(field + ".ground", "每处遮盖都要有不予公开的理由");
      }
      if (a.page() < 1 || a.page() > pages) {
        throw new InvalidInputException(field + ".page", "页码应在 1 至 " + pages + " 之间");
      }
      if (a.unit() != null && !a.unit().equals("pt") && !a.unit().equals("fraction")) {
        throw new InvalidInputException(field + ".unit", "应为 pt 或 fraction");
      }
      if (!(a.width() > 0) || !(a.height() > 0) || !(a.x() >= 0) || !(a.y() >= 0)
          || (a.fractions() && (a.x() + a.width() > 1.0001 || a.y() + a.height() > 1.0001))) {
        throw new InvalidInputException(field, "区域的位置或大小无效");
      }
      if (a.label() != null && a.label().length() > 40) {
        throw new InvalidInputException(field + ".label", "不能超过 40 个字符");
      }
    }
  }

  private void paint(BufferedImage image, List<RedactionArea> areas, float dpi) {
    if (areas.isEmpty()) {
      return;
    }
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      double scale = dpi / 72.0;
      for (RedactionArea a : areas) {
        int x;
        int y;
        int w;
        int h;
        if (a.fractions()) {
          x = (int) Math.floor(a.x() * image.getWidth());
          y = (int) Math.floor(a.y() * image.getHeight());
          w = (int) Math.ceil(a.width() * image.getWidth());
          h = (int) Math.ceil(a.height() * image.getHeight());
        } else {
          x = (int) Math.floor(a.x() * scale);
          y = (int) Math.floor(a.y() * scale);
          w = (int) Math.ceil(a.width() * scale);
          h = (int) Math.ceil(a.height() * scale);
        }
        g.setColor(Color.BLACK);
        g.fillRect(x, y, w, h);
        label(g, a.boxText(), x, y, w, h);
      }
    } finally {
      g.dispose();
    }
  }

  /** The ground in white, as large as fits (at most 14 pt), centred; a box too small keeps only black. */
  private void label(Graphics2D g, String text, int x, int y, int w, int h) {
    float size = Math.min(h * 0.7f, 14 * 150f / 72f);
    while (size >= 6) {
      g.setFont(font.font(size));
      FontMetrics m = g.getFontMetrics();
      if (m.stringWidth(text) <= w - 4 && m.getHeight() <= h) {
        g.setColor(Color.WHITE);
        g.drawString(text, x + (w - m.stringWidth(text)) / 2, y + (h - m.getHeight()) / 2 + m.getAscent());
        return;
      }
      size -= 1;
    }
  }
}
