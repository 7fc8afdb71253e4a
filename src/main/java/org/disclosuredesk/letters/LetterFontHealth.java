package org.disclosuredesk.letters;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code letterFont}: which font PDFs embed, or that PDFs are off and
 * which package to install. Always UP: HTML letters and everything else work without the font.
 */
@Component("letterFontHealthIndicator")
class LetterFontHealth implements HealthIndicator {

  private final LetterFont font;

  LetterFontHealth(LetterFont font) {
    this.font = font;
  }

  @Override
  public Health health() {
    try {
      return Health.up().withDetail("pdf", "available").withDetail("font", font.file().toString())
          .withDetail("fallbackFonts", font.fallbackFiles().stream().map(Object::toString).toList()).build();
    } catch (PdfFontMissingException e) {
      return Health.up().withDetail("pdf", "unavailable").withDetail("message", e.getMessage()).build();
    }
  }
}
