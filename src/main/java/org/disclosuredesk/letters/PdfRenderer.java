package org.disclosuredesk.letters;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * A4 PDF from a letter's HTML (which must be well-formed XHTML: openhtmltopdf parses it as XML).
 * The stylesheet's first font family, {@value #FONT_FAMILY}, is bound to {@link LetterFont}.
 */
@Component
class PdfRenderer {

  static final String FONT_FAMILY = "LetterFont";

  private final LetterFont font;

  PdfRenderer(LetterFont font) {
    this.font = font;
  }

  /** Throws {@link PdfFontMissingException} when no Chinese TrueType font is installed. */
  byte[] render(String html, String title) {
    font.file();
    java.util.Set<Integer> fallbacks = new java.util.TreeSet<>();
    String prepared = font.prepare(html, fallbacks);
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getDocumentInformation().setTitle(title);
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.usePDDocument(document);
      builder.useFont(new PDFontSupplier(font.load(document)), FONT_FAMILY);
      for (int i : fallbacks) { // only the fallbacks this letter needs are embedded
        builder.useFont(new PDFontSupplier(font.loadFallback(document, i)), LetterFont.FALLBACK_FAMILY + (i + 1));
      }
      builder.withHtmlContent(prepared, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF 生成失败：" + e.getMessage(), e);
    }
  }
}
