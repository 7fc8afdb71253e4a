package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.junit.jupiter.api.Test;

/** The list exports show what the page shows for a case without department, task or assignee. */
class CaseListExportTest {

  static final SupervisedCase UNASSIGNED = new SupervisedCase("default", "GK-2030-00001", null, null, null, "申请人",
      LocalDate.of(2030, 3, 4), null, null, false, CaseStatus.AWAITING_SUPPLEMENT, Channel.ONLINE, null, null, null);
  static final SupervisedCase CLAIMED = new SupervisedCase("default", "GK-2030-00002", "pi-2", "planning", "规划和自然资源科",
      "申请人", LocalDate.of(2030, 3, 4), LocalDate.of(2030, 4, 1), 3, false, CaseStatus.IN_HANDLING, Channel.ONLINE,
      "办理申请并拟定答复", "officer-planning", null);

  @Test
  void csvShowsNoDepartmentAndNotClaimedAsThePageDoes() {
    String csv = new String(CaseListExport.of(CaseFilter.OPEN, List.of(UNASSIGNED, CLAIMED)).csv(),
        StandardCharsets.UTF_8);
    List<String> lines = List.of(csv.substring(1).split("\r\n"));

    assertThat(lines.get(1)).isEqualTo("GK-2030-00001,申请人,未分办,2030-03-04,,,否,"
        + CaseStatus.AWAITING_SUPPLEMENT.label() + ",网上,—,未签收");
    assertThat(lines.get(2)).endsWith(",规划和自然资源科,2030-03-04,2030-04-01,3,否,办理中,网上,办理申请并拟定答复,officer-planning");
  }

  @Test
  void xlsxShowsNoDepartmentAndNotClaimedAsThePageDoes() throws IOException {
    Map<String, String> cells = xlsxCells(CaseListExport.of(CaseFilter.OPEN, List.of(UNASSIGNED)).xlsx());

    assertThat(cells).containsEntry("C1", "承办部门").containsEntry("C2", "未分办")
        .containsEntry("J2", "—").containsEntry("K1", "承办人").containsEntry("K2", "未签收");
  }

  @Test
  void theListShowsTheSameTexts() {
    assertThat(UNASSIGNED.departmentShown()).isEqualTo("未分办");
    assertThat(UNASSIGNED.assigneeShown()).isEqualTo("未签收");
    assertThat(UNASSIGNED.currentTaskShown()).isEqualTo("—");
    assertThat(CLAIMED.departmentShown()).isEqualTo("规划和自然资源科");
    assertThat(CLAIMED.assigneeShown()).isEqualTo("officer-planning");
  }

  /** The texts of the first sheet's cells by reference ("C2"), through the workbook's shared strings. */
  static Map<String, String> xlsxCells(byte[] xlsx) throws IOException {
    Map<String, String> parts = unzip(xlsx);
    List<String> shared = new ArrayList<>();
    Matcher si = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL).matcher(parts.get("xl/sharedStrings.xml"));
    while (si.find()) {
      shared.add(si.group(1).replaceAll("<[^>]+>", ""));
    }
    Map<String, String> cells = new HashMap<>();
    Matcher c = Pattern.compile("<c r=\"([A-Z]+[0-9]+)\"[^>]*t=\"s\"[^>]*><v>([0-9]+)</v></c>")
        .matcher(parts.get("xl/worksheets/sheet1.xml"));
    while (c.find()) {
      cells.put(c.group(1), shared.get(Integer.parseInt(c.group(2))));
    }
    return cells;
  }

  /** The parts, read through the central directory (the writer streams entries with data descriptors). */
  static Map<String, String> unzip(byte[] xlsx) throws IOException {
    Path file = Files.createTempFile("supervision-export", ".xlsx");
    try {
      Files.write(file, xlsx);
      Map<String, String> parts = new HashMap<>();
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry e : Collections.list(zip.entries())) {
          try (InputStream in = zip.getInputStream(e)) {
            parts.put(e.getName(), decode(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
      return parts;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The writer stores non-ASCII text as hexadecimal character references. */
  static String decode(String xml) {
    return Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
        .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
  }
}
