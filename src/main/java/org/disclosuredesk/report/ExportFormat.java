package org.disclosuredesk.report;

import java.util.Locale;
import org.disclosuredesk.web.InvalidInputException;

/** The formats of a download. */
public enum ExportFormat {
  CSV, XLSX;

  /** Parses {@code csv} or {@code xlsx} (any case); 400 on the given parameter otherwise. */
  public static ExportFormat parse(String parameter, String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(parameter, "取值无效，应为 csv 或 xlsx");
    }
  }
}
