package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.letters.LettersProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * The hook for the reply mail: the released versions of a case's documents (burnt-in where released
 * redacted, originals where released whole), as decided by the confidentiality review. Nothing withheld,
 * undecided or unredacted-where-redaction-was-decided is ever in this list.
 */
@Service
public class ReleasedDocuments {

  /** A file that leaves the agency, with its content read and verified from the store. */
  public record ReleasedFile(String fileName, String contentType, byte[] content) {}

  private final DocumentReview review;
  private final DocumentStore store;
  private final CaseRegister cases;
  private final long maxMailSize;
  private final int downloadDays;
  private final LettersProperties letters;

  ReleasedDocuments(DocumentReview review, DocumentStore store, CaseRegister cases, LettersProperties letters,
      @Value("${disclosure.documents.max-mail-attachments-size:15MB}") DataSize maxMailSize,
      @Value("${disclosure.documents.download-days:90}") int downloadDays) {
    this.letters = letters;
    this.downloadDays = downloadDays;
    this.review = review;
    this.store = store;
    this.cases = cases;
    this.maxMailSize = maxMailSize.toBytes();
  }

  /**
   * The released files to attach to the applicant's reply mail, when they fit together within the mail
   * limit (else none: the reply letter is sent alone and the released versions are handed over on paper
   * or at pickup). Records RELEASED on the case timeline for what it hands out.
   */
  public List<ReleasedFile> forReplyMail(String agencyCode, String caseNumber) {
    List<DocumentReview.Released> released = review.released(agencyCode, caseNumber);
    if (released.isEmpty() || !fitsTheMail(released)) {
      if (!released.isEmpty()) {
        cases.record(agencyCode, caseNumber, "DOCUMENTS_NOT_MAILED", null,
            "公开的文件共 %s，超过邮件附件上限，未随答复邮件发送".formatted(Documents.size(total(released))));
      }
      return List.of();
    }
    List<ReleasedFile> files = new ArrayList<>();
    for (DocumentReview.Released r : released) {
      try (InputStream in = store.open(r.version().sha256())) {
        files.add(new ReleasedFile(r.version().name(), r.version().contentType(), in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cases.record(agencyCode, caseNumber, "RELEASED", null, "随答复邮件公开：%s%s".formatted(r.version().name(),
          r.redacted() ? "（遮盖处理后的版本）" : "（全文）"));
    }
    return files;
  }

  /**
   * The paragraph of the reply mail about the released files: attached, or (over the mail limit) where and until
   * when the applicant downloads them with the case number and verification code; null when nothing is released.
   */
  public String replyMailNote(String agencyCode, String caseNumber, LocalDate repliedOn) {
    List<DocumentReview.Released> released = review.released(agencyCode, caseNumber);
    if (released.isEmpty()) {
      return null;
    }
    if (fitsTheMail(released)) {
      return "本机关公开的政府信息（" + released.size() + " 个文件）随本邮件附上；部分公开的，附上的是遮盖处理后的版本。";
    }
    String where = letters.enquiryUrl().isBlank() ? "本机关的政府信息公开申请进度查询页" : letters.enquiryUrl();
    return "本机关公开的政府信息（" + released.size() + " 个文件，共 " + Documents.size(total(released)) + "）超过邮件附件上限，未随本邮件发送。"
        + "请于 " + org.disclosuredesk.letters.ChineseDates.format(repliedOn.plusDays(downloadDays)) + "前凭案件编号和查询码在 "
        + where + " 下载；逾期请与本机关联系领取。";
  }

  /** The last day the applicant may download the released files online: the reply date plus the download period. */
  public Optional<LocalDate> downloadableUntil(CaseRecord c) {
    return Optional.ofNullable(c.repliedOn()).map(d -> d.plusDays(downloadDays));
  }

  /** Whether the released files of this case may be downloaded online on {@code day} (replied, period not over). */
  public boolean downloadableOn(CaseRecord c, LocalDate day) {
    return downloadableUntil(c).map(until -> !day.isAfter(until)).orElse(false);
  }

  private boolean fitsTheMail(List<DocumentReview.Released> released) {
    return total(released) <= maxMailSize;
  }

  private static long total(List<DocumentReview.Released> released) {
    return released.stream().mapToLong(r -> r.version().size()).sum();
  }

  /** The released versions of a case (what the applicant may download once the reply is out), in decision order. */
  public List<DocumentInfo> releasedVersions(String agencyCode, String caseNumber) {
    return review.released(agencyCode, caseNumber).stream().map(DocumentReview.Released::version).toList();
  }

  /** One released version's content, read and verified from the store; empty unless it is released for this case. */
  public java.util.Optional<ReleasedFile> releasedFile(String agencyCode, String caseNumber, long versionId) {
    return releasedVersions(agencyCode, caseNumber).stream().filter(v -> v.id() == versionId).findFirst().map(v -> {
      try (InputStream in = store.open(v.sha256())) {
        return new ReleasedFile(v.name(), v.contentType(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
