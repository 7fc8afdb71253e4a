package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.intake.IdentityNumbers;
import org.springframework.stereotype.Component;

/**
 * Finds personal data in a PDF's text layer and proposes areas to redact: resident ID numbers with a
 * valid check digit, mobile numbers and e-mail addresses, each under Art. 15 (个人隐私). A scanned page
 * without a text layer yields nothing: the officer marks it by hand.
 */
@Component
class RedactionProposals {

  static final String PRIVACY = "个人隐私";
  private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  /** Margin around the glyphs, in points, so that no edge of a character shows. */
  private static final float PAD = 1.5f;

  private final DocumentsProperties limits;

  RedactionProposals(DocumentsProperties limits) {
    this.limits = limits;
  }

  List<RedactionArea.Proposal> find(Path pdf) {
    try (PDDocument document = FileInspector.load(pdf, limits)) {
      List<RedactionArea.Proposal> found = new ArrayList<>();
      for (int p = 1; p <= document.getNumberOfPages(); p++) {
        PageText text = new PageText();
        text.setSortByPosition(true);
        text.setStartPage(p);
        text.setEndPage(p);
        text.writeText(document, new StringWriter());
        String s = text.chars.toString();
        scan(s, RESIDENT_ID, "RESIDENT_ID", p, text.positions, found, IdentityNumbers::isValidResidentId);
        scan(s, MOBILE, "MOBILE", p, text.positions, found, m -> true);
        scan(s, EMAIL, "EMAIL", p, text.positions, found, m -> true);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void scan(String s, Pattern pattern, String kind, int page, List<TextPosition> positions,
      List<RedactionArea.Proposal> found, java.util.function.Predicate<String> valid) {
    Matcher m = pattern.matcher(s);
    while (m.find()) {
      if (!valid.test(m.group())) {
        continue;
      }
      float left = Float.MAX_VALUE;
      float top = Float.MAX_VALUE;
      float right = -Float.MAX_VALUE;
      float bottom = -Float.MAX_VALUE;
      for (int i = m.start(); i < m.end(); i++) {
        TextPosition t = positions.get(i);
        if (t == null) {
          continue;
        }
        left = Math.min(left, t.getXDirAdj());
        right = Math.max(right, t.getXDirAdj() + t.getWidthDirAdj());
        // y of the baseline from the top; glyphs reach about their font size above it, a little below
        top = Math.min(top, t.getYDirAdj() - Math.max(t.getHeightDir(), t.getFontSizeInPt() * 0.8f));
        bottom = Math.max(bottom, t.getYDirAdj() + t.getFontSizeInPt() * 0.25f);
      }
      if (left == Float.MAX_VALUE) {
        continue;
      }
      found.add(new RedactionArea.Proposal(kind, page, Math.max(0, left - PAD), Math.max(0, top - PAD),
          right - left + 2 * PAD, bottom - top + 2 * PAD, "pt", WithholdingGround.THIRD_PARTY_RIGHTS, PRIVACY));
    }
  }

  /** The page's characters, each with its position (null for the separators the stripper adds). */
  private static final class PageText extends PDFTextStripper {
    final StringBuilder chars = new StringBuilder();
    final List<TextPosition> positions = new ArrayList<>();

    PageText() throws IOException {
    }

    @Override
    protected void writeString(String text, List<TextPosition> textPositions) {
      for (TextPosition t : textPositions) {
        String u = t.getUnicode();
        for (int i = 0; i < u.length(); i++) {
          chars.append(u.charAt(i));
          positions.add(t);
        }
      }
      chars.append(' ');
      positions.add(null);
    }
  }
}
