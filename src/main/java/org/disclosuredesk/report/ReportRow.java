package org.disclosuredesk.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One row of a report table: its official label, the spanning group labels above it (null where the
 * row stands alone) and a count per column, keyed by the column's label, in column order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportRow(String key, String group, String subGroup, String label, Map<String, Integer> values) {

  public int value(String column) {
    return values.getOrDefault(column, 0);
  }
}
