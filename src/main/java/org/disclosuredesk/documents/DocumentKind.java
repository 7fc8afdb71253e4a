package org.disclosuredesk.documents;

/** What a document is to its case. */
public enum DocumentKind {
  /** The applicant's materials: scan of the signed application, ID copy, power of attorney. */
  APPLICATION_MATERIAL("申请材料"),
  /** Materials the applicant supplied after a supplement notice (补正材料). */
  SUPPLEMENT("补正材料"),
  /** A document the department found that answers the request (拟公开信息). */
  RESPONSIVE("拟公开信息"),
  /** The redacted version of a responsive document, burnt in by the server; never uploaded. */
  REDACTED("遮盖处理后版本"),
  /**
   * The PDF version of a responsive DOCX/XLSX, made by LibreOffice when it is installed; redacted, reviewed and
   * released in the original's place. Never uploaded.
   */
  CONVERTED("PDF 版本");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
