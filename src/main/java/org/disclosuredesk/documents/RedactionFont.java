package org.disclosuredesk.documents;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The font in which grounds are painted into redaction boxes. The boxes are pixels, not text, so any
 * installed font with Chinese glyphs serves (Java 2D also draws the CFF Noto CJK fonts PDFBox cannot embed).
 */
@Component
class RedactionFont {

  static final String PROBE = "第十五条个人隐私国家秘密";
  private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "WenQuanYi Zen Hei", "AR PL UMing CN",
      "Noto Serif CJK SC", "Droid Sans Fallback");

  private volatile Font base;

  Font font(float size) {
    Font f = base;
    if (f == null) {
      f = find();
      base = f;
    }
    return f.deriveFont(Font.BOLD, size);
  }

  private static Font find() {
    Font[] all = GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts();
    for (String name : PREFERRED) {
      for (Font f : all) {
        if (f.getFamily().equals(name) && f.canDisplayUpTo(PROBE) == -1) {
          return f;
        }
      }
    }
    return Arrays.stream(all).filter(f -> f.canDisplayUpTo(PROBE) == -1).findFirst()
        // the logical font: its fallbacks may still cover Chinese; the black box is what matters
        .orElse(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
  }
}
