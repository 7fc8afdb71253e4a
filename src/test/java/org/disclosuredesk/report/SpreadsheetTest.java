package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpreadsheetTest {

  @Test
  void csvStartsWithABomAndQuotesAndDisarmsFormulas() {
    Spreadsheet s = Spreadsheet.of("list", List.of("编号", "申请人", "剩余"), List.of(
        Arrays.asList("GK-1", "张三, \"李四\"", -28),
        Arrays.asList("GK-2", "=HYPERLINK(\"http://x\")", null),
        Arrays.asList("GK-3", "-1+2", 3)));

    byte[] bytes = s.csv();

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text.split("\r\n")).containsExactly(
        "编号,申请人,剩余",
        "GK-1,\"张三, \"\"李四\"\"\",-28",
        "GK-2,\"'=HYPERLINK(\"\"http://x\"\")\",",
        "GK-3,'-1+2,3");
  }

  @Test
  void xlsxHasOneSheetPerSectionWithTheText() throws IOException {
    Spreadsheet s = new Spreadsheet("report", List.of(
        new Spreadsheet.Section("三、收到和处理政府信息公开申请情况", List.of("项目", "自然人"),
            List.of(List.of("一、本年新收政府信息公开申请数量", 5))),
        new Spreadsheet.Section("说明", List.of("项目"), List.of())));

    Map<String, String> parts = unzip(s.xlsx());

    assertThat(parts).containsKeys("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml");
    assertThat(parts.get("xl/workbook.xml")).contains("三、收到和处理政府信息公开申请情况", "说明");
    assertThat(parts.get("xl/sharedStrings.xml")).contains("一、本年新收政府信息公开申请数量");
  }

  /** Reads the parts through the central directory, as Excel does (the writer streams entries with data descriptors). */
  static Map<String, String> unzip(byte[] xlsx) throws IOException {
    Path file = Files.createTempFile("export", ".xlsx");
    Files.write(file, xlsx);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Map<String, String> parts = new HashMap<>();
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        parts.put(e.getName(), decode(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)));
      }
      return parts;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The writer stores non-ASCII text as hexadecimal character references. */
  static String decode(String xml) {
    return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
        .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
  }
}
