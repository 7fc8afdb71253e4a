package org.disclosuredesk.documents;

import org.disclosuredesk.casefile.WithholdingGround;

/**
 * One area to black out: on page {@code page} (from 1), {@code x}/{@code y} from the top-left corner of
 * the page as displayed, {@code width}/{@code height}; in PDF points ({@code unit} "pt", the default) or
 * as fractions of the page ({@code unit} "fraction", as a browser overlay measures them). Each area has
 * its withholding ground; {@code label} is what is printed after the article, default the ground's name
 * (e.g. 个人隐私 for personal data under Art. 15).
 */
public record RedactionArea(int page, double x, double y, double width, double height, String unit,
    WithholdingGround ground, String label) {

  /** What the box says, e.g. 「第十五条 个人隐私」. */
  public String boxText() {
    String article = ground.article().split("、")[0];
    return article + " " + (label == null || label.isBlank() ? ground.label() : label.strip());
  }

  boolean fractions() {
    return "fraction".equals(unit);
  }

  /** A proposed area (found in the text layer) with what was found there. */
  public record Proposal(String kind, int page, double x, double y, double width, double height, String unit,
      WithholdingGround ground, String label) {}
}
