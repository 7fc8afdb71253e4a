package org.disclosuredesk.letters;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How letters are printed ({@code disclosure.letters.*}).
 *
 * @param agencyName the issuing agency as printed; empty = {@code disclosure.agency.name}
 * @param sealText the text under the signature, where the seal goes, e.g. 示例市人民政府办公室（政府信息公开专用章）;
 *     empty = the agency name
 * @param templateDir a folder whose files win over the bundled {@code letters/*.html} and {@code letter.css}
 *     (read at every render: a changed template applies without a restart); empty = bundled only
 * @param font a TrueType font file (.ttf or .ttc) with Chinese glyphs for PDFs; empty = the first found of
 *     the Debian packages fonts-arphic-uming, fonts-wqy-zenhei, fonts-wqy-microhei, fonts-droid-fallback
 * @param fontName inside a .ttc collection, the font's PostScript name (e.g. UMingCN); empty = the first
 *     font with Chinese glyphs
 * @param contactPhone the OGI office's phone, printed on letters (how to ask about progress)
 * @param contactAddress the OGI office's address (reception room)
 * @param enquiryUrl where applicants look a case up online; may be empty
 * @param reconsiderationBody the body that hears administrative reconsideration (行政复议机关)
 * @param court the court named for litigation (行政诉讼)
 */
@ConfigurationProperties("disclosure.letters")
public record LettersProperties(
    String agencyName,
    String sealText,
    Path templateDir,
    Path font,
    String fontName,
    String contactPhone,
    String contactAddress,
    String enquiryUrl,
    String reconsiderationBody,
    String court) {

  public LettersProperties {
    templateDir = emptyToNull(templateDir);
    font = emptyToNull(font);
    agencyName = blankToEmpty(agencyName);
    sealText = blankToEmpty(sealText);
    fontName = blankToEmpty(fontName);
    contactPhone = blankToEmpty(contactPhone);
    contactAddress = blankToEmpty(contactAddress);
    enquiryUrl = blankToEmpty(enquiryUrl);
    reconsiderationBody = reconsiderationBody == null || reconsiderationBody.isBlank()
        ? "本级人民政府" : reconsiderationBody;
    court = court == null || court.isBlank() ? "有管辖权的人民法院" : court;
  }

  private static Path emptyToNull(Path p) {
    return p == null || p.toString().isBlank() ? null : p;
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}
