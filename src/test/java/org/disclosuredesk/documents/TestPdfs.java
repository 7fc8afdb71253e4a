package org.disclosuredesk.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** PDFs made by the tests: personal data in the text layer, metadata, an annotation and an outline. */
final class TestPdfs {

  static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
  /** The name's line: baseline 700 pt from the bottom, 12 pt Helvetica, from x = 72. */
  static final float NAME_BASELINE = 700;
  static final String NAME = "Wang Xiaoming";
  static final String PHONE = "13912345678";
  static final String EMAIL = "wang.xm@example.org";
  static final String TITLE = "Confidential planning memo";
  static final String AUTHOR = "Original Author Li";

  private TestPdfs() {}

  /** A valid resident ID: the check character computed here as GB 11643 defines it. */
  static String residentId(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  static final String ID = residentId("32010219850612345");

  /** {@code pages} pages; page 1 carries the name, ID, phone and e-mail; the others some ordinary text. */
  static byte[] withPersonalData(int pages) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
          c.beginText();
          c.setFont(font, 12);
          c.newLineAtOffset(72, NAME_BASELINE);
          if (p == 1) {
            c.showText(NAME);
            c.newLineAtOffset(0, -40);
            c.showText("ID: " + ID + "  Mobile: " + PHONE);
            c.newLineAtOffset(0, -40);
            c.showText("Mail: " + EMAIL);
            c.newLineAtOffset(0, -40);
            c.showText("Not an ID: 320102198506123450, not a phone: 12912345678");
          }
          for (int line = 0; line < 30; line++) {
            c.newLineAtOffset(0, -18);
            c.showText("Page " + p + " line " + line + ": the approved plan and its annexes are kept on file.");
          }
          c.endText();
        }
        if (p == 1) {
          PDAnnotationText note = new PDAnnotationText();
          note.setContents("annotation secret");
          note.setRectangle(new PDRectangle(400, 700, 20, 20));
          page.getAnnotations().add(note);
        }
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(TITLE);
      info.setAuthor(AUTHOR);
      info.setCreationDate(Calendar.getInstance());
      PDDocumentOutline outline = new PDDocumentOutline();
      PDOutlineItem item = new PDOutlineItem();
      item.setTitle("outline secret");
      item.setDestination(doc.getPage(0));
      outline.addLast(item);
      doc.getDocumentCatalog().setDocumentOutline(outline);
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PDF with a user (open) password, or only an owner password when {@code userPassword} is empty. */
  static byte[] encrypted(String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A small valid PDF with {@code pages} empty pages. */
  static byte[] blank(int pages) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        doc.addPage(new PDPage());
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
