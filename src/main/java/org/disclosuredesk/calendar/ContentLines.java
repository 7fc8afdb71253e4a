package org.disclosuredesk.calendar;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.disclosuredesk.web.InvalidInputException;

/**
 * The content lines of an iCalendar text (RFC 5545 §3.1): {@code NAME;PARAM=VALUE:value}. Lines are
 * unfolded (a line break followed by a space or tab continues the line) on the bytes, before decoding
 * them as UTF-8, because a fold may fall inside a multi-byte character.
 */
final class ContentLines {

  /** One unfolded line: where it starts in the text, its upper-case name, parameters and value. */
  record Line(int number, String name, Map<String, String> params, String value) {

    boolean is(String name, String value) {
      return this.name.equals(name) && this.value.strip().equalsIgnoreCase(value);
    }
  }

  private ContentLines() {}

  static List<Line> parse(byte[] text) {
    List<Line> lines = new ArrayList<>();
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    int number = 1;
    int startsAt = 1;
    for (int i = 0; i < text.length; i++) {
      byte b = text[i];
      if (b != '\n') {
        current.write(b);
        continue;
      }
      number++;
      if (i + 1 < text.length && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
        dropTrailingCarriageReturn(current);
        i++; // the fold: line break and one white space character
        continue;
      }
      add(lines, current, startsAt);
      current.reset();
      startsAt = number;
    }
    add(lines, current, startsAt);
    return lines;
  }

  private static void dropTrailingCarriageReturn(ByteArrayOutputStream line) {
    byte[] bytes = line.toByteArray();
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      line.reset();
      line.write(bytes, 0, bytes.length - 1);
    }
  }

  private static void add(List<Line> lines, ByteArrayOutputStream raw, int number) {
    dropTrailingCarriageReturn(raw);
    String text = decode(raw.toByteArray(), number);
    if (lines.isEmpty() && text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.isBlank()) {
      lines.add(split(text, number));
    }
  }

  private static String decode(byte[] bytes, int number) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("body", "第 " + number + " 行不是有效的 UTF-8 文本（iCalendar 应为 UTF-8 编码）");
    }
  }

  /** NAME *(;PARAM=VALUE) : value, where a quoted parameter value may hold ':' and ';'. */
  private static Line split(String text, int number) {
    int i = 0;
    while (i < text.length() && text.charAt(i) != ';' && text.charAt(i) != ':') {
      i++;
    }
    String name = text.substring(0, i).strip().toUpperCase(Locale.ROOT);
    Map<String, String> params = new HashMap<>();
    while (i < text.length() && text.charAt(i) == ';') {
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String param = text.substring(i + 1, eq).strip().toUpperCase(Locale.ROOT);
      int end = eq + 1;
      boolean quoted = false;
      while (end < text.length() && (quoted || (text.charAt(end) != ';' && text.charAt(end) != ':'))) {
        quoted ^= text.charAt(end) == '"';
        end++;
      }
      params.put(param, text.substring(eq + 1, end).replace("\"", ""));
      i = end;
    }
    if (name.isEmpty() || i >= text.length() || text.charAt(i) != ':') {
      throw new InvalidInputException("body", "第 " + number + " 行不是 iCalendar 内容行（应为 名称:值）");
    }
    return new Line(number, name, params, text.substring(i + 1));
  }
}
