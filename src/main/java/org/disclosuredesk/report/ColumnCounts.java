package org.disclosuredesk.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per column label, in a fixed column order; the last column is the total of the others. */
final class ColumnCounts {

  private final List<String> columns;
  private final int[] counts;

  ColumnCounts(List<String> columns) {
    this.columns = columns;
    this.counts = new int[columns.size()];
  }

  /** Adds one to a data column and to the total. */
  void add(int column) {
    counts[column]++;
    counts[counts.length - 1]++;
  }

  int get(int column) {
    return counts[column];
  }

  int total() {
    return counts[counts.length - 1];
  }

  Map<String, Integer> values() {
    Map<String, Integer> values = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      values.put(columns.get(i), counts[i]);
    }
    return values;
  }
}
