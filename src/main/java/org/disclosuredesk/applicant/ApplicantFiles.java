package org.disclosuredesk.applicant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disclosuredesk.documents.DocumentKind;
import org.disclosuredesk.documents.Documents;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files an applicant sends with the public forms (申请材料 on {@code /apply/}, 补正材料 on
 * {@code /track/}): at most {@value #MAX_FILES}, each at most 5 MB, checked by content before anything is
 * recorded, then stored on the case as uploaded by the online applicant in the same transaction as the
 * application or supplement they came with.
 */
@Component
class ApplicantFiles {

  static final int MAX_FILES = 3;
  static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

  private final Documents documents;

  ApplicantFiles(Documents documents) {
    this.documents = documents;
  }

  /** The files actually chosen (a form's empty file field still sends a part with no name and no bytes). */
  static List<MultipartFile> chosen(List<MultipartFile> uploaded) {
    return uploaded == null ? List.of() : uploaded.stream()
        .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
  }

  /** Why the files cannot be taken (too many, empty, too large, a type the store refuses), each named. */
  Optional<String> refusal(List<MultipartFile> files) {
    if (files.size() > MAX_FILES) {
      return Optional.of("最多上传 " + MAX_FILES + " 个文件");
    }
    List<String> problems = new ArrayList<>();
    for (MultipartFile f : files) {
      String refusal = documents.refusal(() -> open(f), MAX_FILE_BYTES);
      if (refusal != null) {
        problems.add(shortName(f) + "：" + refusal);
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("；", problems));
  }

  /**
   * The checked files on the case as this kind, by the online applicant. Called inside the transaction
   * that records the application or the supplement, so that both commit or neither: a file that cannot be
   * stored throws and takes the rest with it.
   */
  void store(String caseNumber, List<MultipartFile> files, DocumentKind kind) {
    for (MultipartFile f : files) {
      documents.uploadByApplicant(caseNumber, f.getOriginalFilename(), kind, () -> open(f), ApplyPages.ACTOR);
    }
  }

  private static InputStream open(MultipartFile f) {
    try {
      return f.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String shortName(MultipartFile f) {
    String name = f.getOriginalFilename() == null ? "文件" : f.getOriginalFilename().strip();
    return name.length() > 60 ? name.substring(0, 60) + "…" : name;
  }
}
