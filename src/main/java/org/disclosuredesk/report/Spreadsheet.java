package org.disclosuredesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list or report as sections of rows, written as CSV (UTF-8 with a BOM so that Excel opens Chinese
 * text; text cells that a spreadsheet would take for a formula are prefixed with an apostrophe) or as
 * XLSX (one sheet per section). Cells are strings, numbers or anything whose toString is the value.
 */
public record Spreadsheet(String fileName, List<Section> sections) {

  public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** A titled block of rows; a null title writes no title line (a plain list: the header comes first). */
  public record Section(String title, List<String> header, List<List<Object>> rows) {}

  public static Spreadsheet of(String fileName, List<String> header, List<List<Object>> rows) {
    return new Spreadsheet(fileName, List.of(new Section(null, header, rows)));
  }

  /** The file in the requested format ("csv" or "xlsx") as a download. */
  public ResponseEntity<byte[]> download(ExportFormat format) {
    boolean csv = format == ExportFormat.CSV;
    String name = fileName + (csv ? ".csv" : ".xlsx");
    return ResponseEntity.ok()
        .contentType(csv ? CSV : XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(csv ? csv() : xlsx());
  }

  public byte[] csv() {
    StringBuilder out = new StringBuilder();
    for (Section s : sections) {
      if (out.length() > 0) {
        out.append("\r\n");
      }
      if (s.title() != null) {
        line(out, List.of(s.title()));
      }
      line(out, List.copyOf(s.header()));
      s.rows().forEach(r -> line(out, r));
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, bytes, 0, BOM.length);
    System.arraycopy(text, 0, bytes, BOM.length, text.length);
    return bytes;
  }

  public byte[] xlsx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "DisclosureDesk", "1.0");
      Set<String> names = new HashSet<>();
      for (int i = 0; i < sections.size(); i++) {
        sheet(wb.newWorksheet(sheetName(sections.get(i).title(), i, names)), sections.get(i));
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void sheet(Worksheet ws, Section s) {
    int r = 0;
    if (s.title() != null) {
      ws.value(r, 0, s.title());
      ws.style(r, 0).bold().set();
      r++;
    }
    for (int c = 0; c < s.header().size(); c++) {
      ws.value(r, c, s.header().get(c));
      ws.style(r, c).bold().set();
    }
    r++;
    for (List<Object> row : s.rows()) {
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        if (v instanceof Number n) {
          ws.value(r, c, n);
        } else if (v != null) {
          ws.value(r, c, v.toString());
        }
      }
      r++;
    }
  }

  private static String sheetName(String title, int index, Set<String> taken) {
    String name = title == null ? "工作表" + (index + 1) : title.replaceAll("[\\[\\]:*?/\\\\]", "");
    if (name.length() > 28) {
      name = name.substring(0, 28);
    }
    String unique = name;
    for (int n = 2; !taken.add(unique); n++) {
      unique = name + n;
    }
    return unique;
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
