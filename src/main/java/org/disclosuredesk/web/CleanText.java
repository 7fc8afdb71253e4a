package org.disclosuredesk.web;

/** What text from outside may contain: no control characters (except tab and line breaks), no unpaired surrogates. */
public final class CleanText {

  private CleanText() {}

  /** Why this text is refused (a Chinese message), or null when it is clean. */
  public static String problem(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "含有不成对的代理字符（无效的 Unicode 文本）";
      }
      if (Character.isLowSurrogate(c)) {
        return "含有不成对的代理字符（无效的 Unicode 文本）";
      }
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') {
        return "含有不允许的控制字符";
      }
    }
    return null;
  }

  /** The text for a log line: control characters and surrogates shown as escapes, at most 80 characters. */
  public static String printable(String text) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length() && s.length() < 80; i++) {
      char c = text.charAt(i);
      s.append(c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) ? String.format("\\u%04X", (int) c) : c);
    }
    return s.toString();
  }
}
