package org.disclosuredesk.letters;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Chinese font embedded (as a subset) in every PDF letter, and the fallback fonts for characters
 * it lacks (rare characters of CJK Extension B such as 𠮷 in names: Debian's fonts-hanazono). A
 * character no font has (an emoji in a name) is printed as its code point, e.g. [U+1F600], never
 * as "#". The font is checked at start (logged, and shown by the health endpoint). PDFBox embeds TrueType outlines
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

  /** Fonts for characters the main font lacks, in order: fonts-hanazono (CJK Ext-A, Ext-B and beyond). */
  static final List<Path> FALLBACK_CANDIDATES = List.of(
      Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
      Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"));
  /** Family names of the fallback fonts in the PDF renderer, LetterFallback1, LetterFallback2 ... */
  static final String FALLBACK_FAMILY = "LetterFallback";

  private static final Logger log = LoggerFactory.getLogger(LetterFont.class);

  private final Path configured;
  private final String fontName;
  private final List<Path> fallbackCandidates;
  private volatile Found found;
  private volatile List<Fallback> fallbacks;

  /**
   * A fallback font: its file and the code points it draws. The coverage is kept, not the parsed font: PDFBox
   * holds a parsed CJK font's tables in memory (47 MB for uming.ttc, 57 and 70 MB for the two hanazono files),
   * which made these three fonts the larger part of the application's heap after start.
   */
  record Fallback(Path file, BitSet coverage) {}

  /** The main font's file and the code points it draws, read together when the file is first looked for. */
  private record Found(Path file, BitSet coverage) {}

  @org.springframework.beans.factory.annotation.Autowired
  LetterFont(LettersProperties properties) {
    this(properties, FALLBACK_CANDIDATES);
  }

  LetterFont(LettersProperties properties, List<Path> fallbackCandidates) {
    this.configured = properties.font();
    this.fontName = properties.fontName();
    this.fallbackCandidates = List.copyOf(fallbackCandidates);
  }

  /**
   * Says at start which font PDFs use (reading what it and the fallback fonts draw), or warns clearly that PDFs cannot
   * be made. On a thread of its own: reading the font files takes a second that the start need not wait for; the fields
   * it fills are volatile and filled the same way by the first letter if that comes first.
   */
  @EventListener(ApplicationReadyEvent.class)
  void reportAtStartInTheBackground() {
    Thread t = new Thread(this::reportAtStart, Letters.FONT_CHECK_THREAD);
    t.setDaemon(true);
    t.start();
  }

  void reportAtStart() {
    try {
      log.info("PDF 文书字体：{}；生僻字后备字体：{}", file(), fallbackFiles().isEmpty()
          ? "无（可安装 Debian 软件包 fonts-hanazono；缺字以 [U+XXXX] 形式打印）" : fallbackFiles());
    } catch (PdfFontMissingException e) {
      log.warn("PDF 文书不可用（HTML 文书正常）：{}", e.getMessage());
    }
  }

  /** Whether PDFs can be made. */
  boolean available() {
    try {
      file();
      return true;
    } catch (PdfFontMissingException e) {
      return false;
    }
  }

  List<Path> fallbackFiles() {
    return fallbacks().stream().map(Fallback::file).toList();
  }

  /**
   * Prepares a letter's HTML for the PDF renderer: the fallback families follow {@value PdfRenderer#FONT_FAMILY}
   * wherever it is named, and characters that no font has become their code point ([U+1F600]).
   * {@code used} receives the indexes of the fallback fonts the text needs.
   */
  synchronized String prepare(String html, java.util.Set<Integer> used) {
    BitSet main = mainCoverage();
    List<Fallback> extra = fallbacks();
    StringBuilder out = new StringBuilder(html.length());
    html.codePoints().forEach(cp -> {
      if (cp < 0x80 || Character.isWhitespace(cp) || Character.isSpaceChar(cp) || main.get(cp)) {
        out.appendCodePoint(cp);
        return;
      }
      if (cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
        return; // joiners and variation selectors only shape what the font cannot draw anyway
      }
      for (int i = 0; i < extra.size(); i++) {
        if (extra.get(i).coverage().get(cp)) {
          used.add(i);
          out.appendCodePoint(cp);
          return;
        }
      }
      out.append("[U+").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append(']');
    });
    if (extra.isEmpty()) {
      return out.toString();
    }
    StringBuilder families = new StringBuilder("\"" + PdfRenderer.FONT_FAMILY + "\"");
    for (int i = 0; i < extra.size(); i++) {
      families.append(", \"").append(FALLBACK_FAMILY).append(i + 1).append('"');
    }
    return out.toString().replace("\"" + PdfRenderer.FONT_FAMILY + "\"", families);
  }

  /** Loads the {@code index}-th fallback font into {@code document} (subset embedding). */
  PDType0Font loadFallback(PDDocument document, int index) throws IOException {
    Path f = fallbacks().get(index).file();
    return PDType0Font.load(document, new TTFParser().parse(new RandomAccessReadBufferedFile(f.toFile())), true);
  }

  private BitSet mainCoverage() {
    return found().coverage();
  }

  /** The code points the font maps to a glyph, read once from its Unicode cmap. */
  static BitSet coverage(TrueTypeFont font) throws IOException {
    CmapLookup cmap = font.getUnicodeCmapLookup();
    BitSet drawn = new BitSet();
    for (int gid = 1; gid < font.getNumberOfGlyphs(); gid++) {
      List<Integer> codes = cmap.getCharCodes(gid);
      if (codes != null) {
        codes.forEach(drawn::set);
      }
    }
    return drawn;
  }

  private List<Fallback> fallbacks() {
    List<Fallback> f = fallbacks;
    if (f == null) {
      List<Fallback> list = new java.util.ArrayList<>();
      for (Path p : fallbackCandidates) {
        if (!Files.isReadable(p)) {
          continue;
        }
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()))) {
          if (!(font instanceof OpenTypeFont otf && otf.isPostScript())) {
            list.add(new Fallback(p, coverage(font)));
          }
        } catch (IOException | RuntimeException e) {
          log.warn("后备字体不可用：{}（{}）", p, e.getMessage());
        }
      }
      f = List.copyOf(list);
      fallbacks = f;
    }
    return f;
  }

  /** The font file in use; fails with {@link #MISSING} when there is none. */
  Path file() {
    return found().file();
  }

  private Found found() {
    Found f = found;
    if (f == null) {
      f = locate().orElseThrow(() -> new PdfFontMissingException(configured != null
          ? "字体文件不可用：" + configured + "（须为含中文字形的 TrueType 字体 .ttf/.ttc；"
              + "或去掉该设置并安装 Debian 软件包 fonts-arphic-uming）" : MISSING));
      found = f;
    }
    return f;
  }

  /** Loads the font into {@code document} for subset embedding. */
  PDType0Font load(PDDocument document) throws IOException {
    Path f = file();
    TrueTypeFont font = isCollection(f) ? fromCollection(f).orElseThrow(() -> new PdfFontMissingException(MISSING))
        : new TTFParser().parse(new RandomAccessReadBufferedFile(f.toFile()));
    return PDType0Font.load(document, font, true);
  }

  private Optional<Found> locate() {
    List<Path> candidates = configured != null ? List.of(configured) : DEBIAN_CANDIDATES;
    return candidates.stream().filter(Files::isReadable).map(this::usable).flatMap(Optional::stream).findFirst();
  }

  /** The file's embeddable font with what it draws, read in one pass and closed; empty when it has none. */
  private Optional<Found> usable(Path f) {
    try {
      if (isCollection(f)) {
        try (TrueTypeCollection collection = new TrueTypeCollection(new File(f.toString()))) {
          Optional<TrueTypeFont> font = chosen(collection);
          return font.isPresent() ? Optional.of(new Found(f, coverage(font.get()))) : Optional.empty();
        }
      }
      try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(f.toFile()))) {
        return embeddable(font) ? Optional.of(new Found(f, coverage(font))) : Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The named font of a collection, or the first embeddable one with Chinese glyphs. Left open: PDFBox reads it while subsetting. */
  private Optional<TrueTypeFont> fromCollection(Path f) throws IOException {
    return chosen(new TrueTypeCollection(new File(f.toString())));
  }

  /** The named font of the collection, or the first embeddable one with Chinese glyphs. */
  private Optional<TrueTypeFont> chosen(TrueTypeCollection collection) throws IOException {
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
