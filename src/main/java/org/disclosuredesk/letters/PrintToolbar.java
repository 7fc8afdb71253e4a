package org.disclosuredesk.letters;

import org.springframework.web.util.HtmlUtils;

/**
 * The 打印 / 下载 PDF buttons on a letter's HTML page. Added when the page is served (the stored letter
 * stays as issued) and hidden in print, so the paper shows only the letter.
 */
public final class PrintToolbar {

  private static final String STYLE = "<style>.dd-print-toolbar{position:sticky;top:0;z-index:10;display:flex;gap:8px;"
      + "justify-content:center;padding:6px;background:#1f3a5f;font-family:sans-serif;font-size:14px}"
      + ".dd-print-toolbar button,.dd-print-toolbar a{padding:4px 16px;background:#fff;color:#1f3a5f;border:0;"
      + "border-radius:3px;text-decoration:none;cursor:pointer;font-size:14px}"
      + "@media print{.dd-print-toolbar{display:none !important}}</style>";

  private PrintToolbar() {}

  /** The letter's HTML with the toolbar as the first element of its body; {@code pdfUrl} downloads the PDF. */
  public static String decorate(String html, String pdfUrl) {
    String bar = STYLE + "<div class=\"dd-print-toolbar\" role=\"toolbar\" aria-label=\"文书操作\">"
        + "<button type=\"button\" id=\"print-letter\" data-print>打印</button>"
        + "<a id=\"download-pdf\" href=\"" + HtmlUtils.htmlEscape(pdfUrl) + "\" download=\"\">下载 PDF</a></div>";
    // no inline handler: the page's Content-Security-Policy runs scripts from this server only
    bar += "<script defer src=\"/supervision/assets/page-actions.js\"></script>";
    int body = html.indexOf("<body");
    int end = body < 0 ? -1 : html.indexOf('>', body);
    return end < 0 ? bar + html : html.substring(0, end + 1) + bar + html.substring(end + 1);
  }
}
