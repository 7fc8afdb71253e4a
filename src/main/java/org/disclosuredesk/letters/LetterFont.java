package org.disclosuredesk.letters;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The Chinese font embedded (as a subset) in every PDF letter. PDFBox embeds TrueType outlines
 * only: the Noto/Source Han CJK fonts (CFF outlines, package fonts-noto-cjk) cannot be used, and
 * are skipped with a clear message. Found once, loaded per document.
 */
@Component
class LetterFont {

  /** The Debian packages looked for when {@code disclosure.letters.font} is not set, best first. */
  static final List<Path> DEBIAN_CANDIDATES = List.of(
      Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),              // fonts-arphic-uming (Ming/Song style)
      Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),            // fonts-wqy-zenhei
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),          // fonts-wqy-microhei
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")); // fonts-droid-fallback

  static final String MISSING = "没有可嵌入 PDF 的中文字体：请安装 Debian 软件包 fonts-arphic-uming（或 fonts-wqy-zenhei），"
      + "或用 disclosure.letters.font 指定一个 TrueType 字体文件（.ttf/.ttc；fonts-noto-cjk 的 CFF 字体不适用）";
  private static final int PROBE = '政';

  private final Path configured;
  private final String fontName;
  private volatile Path found;

  LetterFont(LettersProperties properties) {
    this.configured = properties.font();
    this.fontName = properties.fontName();
  }

  /** The font file in use; fails with {@link #MISSING} when there is none. */
  Path file() {
    Path f = found;
    if (f == null) {
      f = locate().orElseThrow(() -> new IllegalStateException(configured != null
          ? "字体文件不可用：" + configured + "（须为含中文字形的 TrueType 字体 .ttf/.ttc）" : MISSING));
      found = f;
    }
    return f;
  }

  /** Loads the font into {@code document} for subset embedding. */
  PDType0Font load(PDDocument document) throws IOException {
    Path f = file();
    TrueTypeFont font = isCollection(f) ? fromCollection(f).orElseThrow(() -> new IllegalStateException(MISSING))
        : new TTFParser().parse(new RandomAccessReadBufferedFile(f.toFile()));
    return PDType0Font.load(document, font, true);
  }

  private Optional<Path> locate() {
    List<Path> candidates = configured != null ? List.of(configured) : DEBIAN_CANDIDATES;
    return candidates.stream().filter(Files::isReadable).filter(this::usable).findFirst();
  }

  private boolean usable(Path f) {
    try {
      if (isCollection(f)) {
        return fromCollection(f).isPresent();
      }
      try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(f.toFile()))) {
        return embeddable(font);
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The named font of a collection, or the first embeddable one with Chinese glyphs. Left open: PDFBox reads it while subsetting. */
  private Optional<TrueTypeFont> fromCollection(Path f) throws IOException {
    TrueTypeCollection collection = new TrueTypeCollection(new File(f.toString()));
    TrueTypeFont[] chosen = new TrueTypeFont[1];
    collection.processAllFonts(font -> {
      if (chosen[0] == null && (fontName.isEmpty() || fontName.equals(font.getName())) && embeddable(font)) {
        chosen[0] = font;
      }
    });
    return Optional.ofNullable(chosen[0]);
  }

  private static boolean embeddable(TrueTypeFont font) {
    try {
      boolean cff = font instanceof OpenTypeFont otf && otf.isPostScript();
      return !cff && font.getUnicodeCmapLookup().getGlyphId(PROBE) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isCollection(Path f) {
    return f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
  }
}
