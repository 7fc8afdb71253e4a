package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case documents: attach (inspected, content-addressed, on the timeline), list, read (verified, on the
 * timeline), propose and burn in redactions. A refused file leaves nothing behind.
 */
@Service
public class Documents {

  /** An opened document: its metadata and its verified content (the caller closes it). */
  public record Opened(DocumentInfo info, InputStream content) {}

  private final DocumentAccess access;
  private final DocumentRegister register;
  private final DocumentStore store;
  private final FileInspector inspector;
  private final CaseRegister cases;
  private final DocumentsProperties limits;
  private final RedactionBurner burner;
  private final RedactionProposals proposals;
  private final TransactionTemplate transaction;
  private final RedactionPlans plans;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Documents.class);
  private final OfficeConverter converter;

  Documents(DocumentAccess access, DocumentRegister register, DocumentStore store, FileInspector inspector,
      CaseRegister cases, DocumentsProperties limits, RedactionBurner burner, RedactionProposals proposals,
      PlatformTransactionManager transactions, RedactionPlans plans, OfficeConverter converter) {
    this.converter = converter;
    this.plans = plans;
    this.access = access;
    this.register = register;
    this.store = store;
    this.inspector = inspector;
    this.cases = cases;
    this.limits = limits;
    this.burner = burner;
    this.proposals = proposals;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Attaches a file to a case. The stream is copied to a temporary file while hashed and counted, the
   * type is detected from the content and checked; only then are content, metadata row and timeline
   * entry written, in one transaction.
   */
  public DocumentInfo upload(String caseNumber, String fileName, String kindName, Supplier<InputStream> content,
      CurrentUser user) {
    DocumentKind kind = kind(kindName);
    CaseRecord c = access.forUpload(caseNumber, kind, user);
    DocumentInfo info = store(c, caseNumber, fileName, kind, content, user.id());
    if (kind == DocumentKind.RESPONSIVE && isOffice(info.contentType())) {
      convert(c, info, user.id());
    }
    return info;
  }

  /** Whether DOCX/XLSX get a PDF version on this node (LibreOffice installed); the documents page says so. */
  public boolean convertsOfficeDocuments() {
    return converter.available();
  }

  static boolean isOffice(String contentType) {
    return FileInspector.DOCX.equals(contentType) || FileInspector.XLSX.equals(contentType);
  }

  /**
   * The PDF version of a responsive DOCX/XLSX (LibreOffice), kept as CONVERTED beside it: what is redacted,
   * reviewed and released in its place. Without LibreOffice nothing happens (the original is reviewed and released
   * as it is); a failed conversion leaves the original as it is and says so on the timeline.
   */
  private void convert(CaseRecord c, DocumentInfo original, String actor) {
    if (!converter.available()) {
      return;
    }
    Path source = copy(original);
    Path pdf = null;
    try {
      pdf = converter.toPdf(source, FileInspector.DOCX.equals(original.contentType()) ? ".docx" : ".xlsx").orElseThrow();
      Path out = pdf;
      long size = Files.size(out);
      String sha = Hashing.of(out);
      int dot = original.name().lastIndexOf('.');
      String name = (dot > 0 ? original.name().substring(0, dot) : original.name()) + "（PDF 版本）.pdf";
      transaction.executeWithoutResult(s -> {
        checkCaseTotal(c, size);
        try {
          store.put(sha, size, out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        register.insert(c.agencyCode(), c.caseNumber(), name, DocumentKind.CONVERTED, FileInspector.PDF, size, sha,
            original.id(), actor);
        cases.record(c.agencyCode(), c.caseNumber(), "DOCUMENT_CONVERTED", actor,
            "转换为 PDF（LibreOffice）：%s → %s，%s；遮盖、审查和公开均使用该 PDF 版本".formatted(original.name(), name, size(size)));
      });
    } catch (IOException | RuntimeException e) {
      log.warn("document {} of case {} not converted to PDF: {}", original.id(), c.caseNumber(), e.getMessage());
      cases.record(c.agencyCode(), c.caseNumber(), "DOCUMENT_NOT_CONVERTED", actor,
          "未能转换为 PDF：%s（%s）；该文件将按原文件审查和公开".formatted(original.name(), e.getMessage()));
    } finally {
      delete(source);
      if (pdf != null) {
        delete(pdf);
      }
    }
  }

  /**
   * A file from the applicant, who proved the case's verification code on the public pages (or applied
   * there): 申请材料 or 补正材料 only, recorded as uploaded by {@code actor}.
   */
  public DocumentInfo uploadByApplicant(String caseNumber, String fileName, DocumentKind kind,
      Supplier<InputStream> content, String actor) {
    return store(access.forApplicant(caseNumber, kind), caseNumber, fileName, kind, content, actor);
  }

  private DocumentInfo store(CaseRecord c, String caseNumber, String fileName, DocumentKind kind,
      Supplier<InputStream> content, String uploadedBy) {
    if (content == null) {
      throw new InvalidInputException("file", "缺少文件（multipart 部分 file）");
    }
    long maxFile = limits.maxFileSize().toBytes();
    Hashing.Received received;
    try (InputStream in = content.get()) {
      received = Hashing.toTempFile(in, maxFile);
    } catch (Hashing.TooLarge e) {
      throw tooLarge(maxFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (received.size() == 0) {
        throw new DocumentRefusedException(400, "file", "文件为空（0 字节），不予接收");
      }
      String contentType = inspector.inspect(received.file());
      String name = cleanName(fileName, contentType);
      return transaction.execute(s -> {
        checkCaseTotal(c, received.size());
        try {
          store.put(received.sha256(), received.size(), received.file());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        DocumentInfo info = register.insert(c.agencyCode(), caseNumber, name, kind, contentType, received.size(),
            received.sha256(), null, uploadedBy);
        cases.record(c.agencyCode(), caseNumber, "DOCUMENT_UPLOADED", uploadedBy,
            "上传文件（%s）：%s，%s，SHA-256 %s".formatted(kind.label(), name, size(received.size()),
                received.sha256().substring(0, 12)));
        return info;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(received.file());
    }
  }

  /**
   * Whether a file would be accepted as it stands (not empty, within {@code maxBytes}, a type the store
   * takes): null when it would, else why not in Chinese. For a form that must refuse a bad attachment
   * before it registers anything (the public application form).
   */
  public String refusal(Supplier<InputStream> content, long maxBytes) {
    Hashing.Received received;
    try (InputStream in = content.get()) {
      received = Hashing.toTempFile(in, Math.min(maxBytes, limits.maxFileSize().toBytes()));
    } catch (Hashing.TooLarge e) {
      return "文件过大（上限 " + size(Math.min(maxBytes, limits.maxFileSize().toBytes())) + "）";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (received.size() == 0) {
        return "文件为空（0 字节）";
      }
      inspector.inspect(received.file());
      return null;
    } catch (DocumentRefusedException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(received.file());
    }
  }

  /** The documents of a case the caller may see, oldest first. */
  public List<DocumentInfo> list(String caseNumber, CurrentUser user) {
    CaseRecord c = access.visible(caseNumber, user);
    return register.list(c.agencyCode(), caseNumber);
  }

  /** A document's verified content; the view is recorded on the case timeline. */
  public Opened open(String caseNumber, long id, CurrentUser user) {
    CaseRecord c = access.visible(caseNumber, user);
    DocumentInfo info = find(c, id);
    InputStream in;
    try {
      in = store.open(info.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cases.record(c.agencyCode(), caseNumber, "DOCUMENT_VIEWED", user.id(), "查看文件：" + info.name());
    return new Opened(info, in);
  }

  /** Areas the officer may want to redact: resident ID numbers, mobile numbers, e-mail addresses in the text layer. */
  public List<RedactionArea.Proposal> proposals(String caseNumber, long id, CurrentUser user) {
    CaseRecord c = access.forRedaction(caseNumber, user);
    DocumentInfo info = pdf(find(c, id));
    Path copy = copy(info);
    try {
      return proposals.find(copy);
    } finally {
      delete(copy);
    }
  }

  /**
   * Burns the areas into a new image-only PDF and keeps it as the REDACTED version of the document (the
   * original is left as it is); on the timeline with the areas' grounds.
   */
  public DocumentInfo redact(String caseNumber, long id, List<RedactionArea> areas, CurrentUser user) {
    CaseRecord c = access.forRedaction(caseNumber, user);
    DocumentInfo original = pdf(find(c, id));
    if (original.kind() == DocumentKind.REDACTED) {
      throw new InvalidInputException("id", "这是遮盖处理后的版本：请对原件标注遮盖区域");
    }
    Path source = copy(original);
    Path burnt = null;
    try {
      burnt = burner.burn(source, areas);
      Path out = burnt;
      long size = Files.size(out);
      String sha = Hashing.of(out);
      String name = redactedName(original.name());
      return transaction.execute(s -> {
        checkCaseTotal(c, size);
        try {
          store.put(sha, size, out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        DocumentInfo info = register.insert(c.agencyCode(), caseNumber, name, DocumentKind.REDACTED,
            FileInspector.PDF, size, sha, original.id(), user.id());
        cases.record(c.agencyCode(), caseNumber, "DOCUMENT_REDACTED", user.id(),
            "遮盖处理：%s → %s，%s".formatted(original.name(), name, groundsSummary(areas)));
        return info;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(source);
      if (burnt != null) {
        delete(burnt);
      }
    }
  }

  /** A document's redaction plan as saved (no areas when none was saved); visible to whoever sees the case. */
  public RedactionPlan plan(String caseNumber, long id, CurrentUser user) {
    CaseRecord c = access.visible(caseNumber, user);
    DocumentInfo info = find(c, id);
    return plans.find(info.id())
        .map(p -> new RedactionPlan(info.id(), p.areas(), p.savedBy(), p.savedAt()))
        .orElse(new RedactionPlan(info.id(), List.of(), null, null));
  }

  /**
   * Saves the proposed areas of a PDF document (replacing the plan before); each area needs its ground.
   * Nothing is burnt in: that is {@link #redact}. On the timeline with the grounds.
   */
  public RedactionPlan savePlan(String caseNumber, long id, List<RedactionArea> areas, CurrentUser user) {
    CaseRecord c = access.forRedaction(caseNumber, user);
    DocumentInfo info = pdf(find(c, id));
    if (info.kind() == DocumentKind.REDACTED) {
      throw new InvalidInputException("id", "这是遮盖处理后的版本：请对原件标注遮盖区域");
    }
    if (areas == null) {
      throw new InvalidInputException("areas", "缺少 areas（可为空列表）");
    }
    if (areas.size() > 2000) {
      throw new InvalidInputException("areas", "遮盖区域过多（最多 2000 处）");
    }
    RedactionBurner.validate(areas, Integer.MAX_VALUE);
    return transaction.execute(s -> {
      RedactionPlans.Plan saved = plans.save(info.id(), areas, user.id());
      cases.record(c.agencyCode(), caseNumber, "REDACTION_PLAN_SAVED", user.id(),
          "保存遮盖标注：%s，%s".formatted(info.name(), areas.isEmpty() ? "无遮盖" : groundsSummary(areas)));
      return new RedactionPlan(info.id(), saved.areas(), saved.savedBy(), saved.savedAt());
    });
  }

  private DocumentInfo find(CaseRecord c, long id) {
    return register.find(c.agencyCode(), c.caseNumber(), id)
        .orElseThrow(() -> new DocumentRefusedException(404, "id", "本案没有编号为 " + id + " 的文件"));
  }

  private static DocumentInfo pdf(DocumentInfo info) {
    if (!FileInspector.PDF.equals(info.contentType())) {
      throw new InvalidInputException("id", "只能对 PDF 文件作遮盖处理（本文件为 " + info.contentType() + "）");
    }
    return info;
  }

  private Path copy(DocumentInfo info) {
    try (InputStream in = store.open(info.sha256())) {
      return Hashing.toTempFile(in, Long.MAX_VALUE).file();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkCaseTotal(CaseRecord c, long adding) {
    long max = limits.maxCaseSize().toBytes();
    if (register.totalSize(c.agencyCode(), c.caseNumber()) + adding > max) {
      throw new DocumentRefusedException(413, "file", "本案文件总量将超过上限 %s，不予接收".formatted(size(max)));
    }
  }

  static DocumentRefusedException tooLarge(long max) {
    return new DocumentRefusedException(413, "file", "文件超过单个文件上限 %s，不予接收".formatted(size(max)));
  }

  private static DocumentKind kind(String name) {
    if (name == null || name.isBlank()) {
      return DocumentKind.RESPONSIVE;
    }
    DocumentKind kind;
    try {
      kind = DocumentKind.valueOf(name.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("kind", "取值无效，应为以下之一：APPLICATION_MATERIAL, SUPPLEMENT, RESPONSIVE");
    }
    if (kind == DocumentKind.REDACTED || kind == DocumentKind.CONVERTED) {
      throw new InvalidInputException("kind", kind.label() + "由系统生成，不能上传");
    }
    return kind;
  }

  /** The file name without any path, control characters or excess length; the extension follows the content. */
  static String cleanName(String fileName, String contentType) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\"]", "").strip();
    String ext = switch (contentType) {
      case FileInspector.PDF -> ".pdf";
      case FileInspector.JPEG -> ".jpg";
      case FileInspector.PNG -> ".png";
      case FileInspector.DOCX -> ".docx";
      default -> ".xlsx";
    };
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    if (base.isEmpty()) {
      base = "文件";
    }
    if (base.length() > 200) {
      base = base.substring(0, 200);
    }
    String given = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    boolean matches = given.equals(ext) || (ext.equals(".jpg") && given.equals(".jpeg"));
    return base + (matches ? given : ext);
  }

  private static String redactedName(String name) {
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name) + "（遮盖处理后）.pdf";
  }

  private static String groundsSummary(List<RedactionArea> areas) {
    Map<String, Integer> byGround = new TreeMap<>();
    areas.forEach(a -> byGround.merge(a.boxText(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder(areas.size() + " 处：");
    byGround.forEach((text, n) -> sb.append("「").append(text).append("」").append(n).append(" 处；"));
    return sb.substring(0, sb.length() - 1);
  }

  /** A file size for people: "120 KB", "3.4 MB". */
  public static String size(long bytes) {
    if (bytes >= 1024 * 1024) {
      return "%.1f MB".formatted(bytes / 1024.0 / 1024.0);
    }
    return bytes >= 1024 ? "%d KB".formatted(bytes / 1024) : bytes + " 字节";
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file: the OS cleans up
    }
  }

  static WithholdingGround privacyGround() {
    return WithholdingGround.THIRD_PARTY_RIGHTS;
  }
}
