package org.disclosuredesk.letters;

/**
 * No Chinese TrueType font can be embedded, so no PDF can be made. HTML letters still work; the PDF
 * links answer 503 with this message, which names the Debian package to install.
 */
public class PdfFontMissingException extends IllegalStateException {

  public PdfFontMissingException(String message) {
    super(message);
  }
}
