package org.disclosuredesk.report;

import java.util.List;

/** A titled table of the report: its columns (labels) and rows. */
public record ReportTable(String title, List<String> columns, List<ReportRow> rows) {}
