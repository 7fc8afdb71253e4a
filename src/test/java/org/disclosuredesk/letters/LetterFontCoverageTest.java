package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.junit.jupiter.api.Test;

/**
 * LetterFont keeps only the code points a font draws (a BitSet read from the cmap once), not the parsed font:
 * the set must answer exactly what the font's own lookup answers, for every code point of planes 0–2 (the
 * BMP and CJK Extensions B–F, where applicants' rare characters are) and for the emoji plane's first block.
 * Runs on the Debian fonts that .ci/run installs (fonts-arphic-uming, fonts-hanazono).
 */
class LetterFontCoverageTest {

  @Test
  void theMainFontsCoverageIsItsCmap() throws Exception {
    Path uming = LetterFont.DEBIAN_CANDIDATES.get(0);
    assumeTrue(Files.isReadable(uming), "fonts-arphic-uming is installed by .ci/run");
    try (TrueTypeCollection collection = new TrueTypeCollection(new File(uming.toString()))) {
      TrueTypeFont[] first = new TrueTypeFont[1];
      collection.processAllFonts(f -> {
        if (first[0] == null) {
          first[0] = f;
        }
      });
      BitSet coverage = sameAsTheCmap(first[0]);
      assertThat(coverage.get('政')).isTrue();
    }
  }

  @Test
  void theFallbackFontsCoverageIsTheirCmap() throws Exception {
    BitSet drawnByAFallback = new BitSet();
    for (Path p : LetterFont.FALLBACK_CANDIDATES) {
      assumeTrue(Files.isReadable(p), "fonts-hanazono is installed by .ci/run");
      try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()))) {
        drawnByAFallback.or(sameAsTheCmap(font));
      }
    }
    assertThat(drawnByAFallback.get(0x20BB7)).as("𠮷 (U+20BB7)").isTrue();
  }

  private static BitSet sameAsTheCmap(TrueTypeFont font) throws Exception {
    BitSet coverage = LetterFont.coverage(font);
    CmapLookup cmap = font.getUnicodeCmapLookup();
    int drawn = 0;
    for (int cp = 0; cp <= 0x2FFFF; cp++) {
      boolean has = cmap.getGlyphId(cp) > 0;
      assertThat(coverage.get(cp)).as("U+%X", cp).isEqualTo(has);
      drawn += has ? 1 : 0;
    }
    assertThat(coverage.get(0x1F600)).isEqualTo(cmap.getGlyphId(0x1F600) > 0);
    assertThat(drawn).as("a CJK font draws thousands of characters").isGreaterThan(10_000);
    return coverage;
  }
}
