package org.disclosuredesk.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review on the documents: the confidentiality reviewer (while the case is under review) or an administrator
 * decides per responsive document; the reply's outcome and the released versions follow from those decisions.
 */
@Service
public class DocumentReview {

  /** A part not disclosed, as the reply letter lists it: what and on which ground. */
  public record WithheldPart(String description, WithholdingGround ground) {}

  /** A released document: the version that leaves the agency (burnt-in where redacted) and its original. */
  public record Released(DocumentInfo version, DocumentInfo original, boolean redacted) {}

  private final DocumentAccess access;
  private final DocumentRegister register;
  private final DocumentDecisions decisions;
  private final org.disclosuredesk.casefile.CaseRegister cases;
  private final TransactionTemplate transaction;
  private final RedactionPlans plans;

  DocumentReview(DocumentAccess access, DocumentRegister register, DocumentDecisions decisions,
      org.disclosuredesk.casefile.CaseRegister cases, PlatformTransactionManager transactions, RedactionPlans plans) {
    this.plans = plans;
    this.access = access;
    this.register = register;
    this.decisions = decisions;
    this.cases = cases;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The decisions taken so far on the case's documents (whoever sees the case). */
  public List<DocumentDecision> decisions(String caseNumber, CurrentUser user) {
    CaseRecord c = access.visible(caseNumber, user);
    return decisions.forCase(c.agencyCode(), caseNumber);
  }

  /**
   * Records the decision on a responsive document: RELEASE (whole), RELEASE_REDACTED (its latest burnt-in
   * version, which must exist) or WITHHOLD with a ground. On the case timeline.
   */
  public DocumentDecision decide(String caseNumber, long id, DocumentDecision.Decision decision,
      WithholdingGround ground, CurrentUser user) {
    CaseRecord c = access.visible(caseNumber, user);
    if (!(user.in(Groups.CONFIDENTIALITY) || user.in(Groups.ADMIN))) {
      throw new DocumentRefusedException(403, "authorization", "只有保密审查人员或管理员可以审定文件");
    }
    if (decision == null) {
      throw new InvalidInputException("decision", "应为 RELEASE、RELEASE_REDACTED 或 WITHHOLD");
    }
    List<DocumentInfo> all = register.list(c.agencyCode(), caseNumber);
    DocumentInfo doc = all.stream().filter(d -> d.id() == id).findFirst()
        .orElseThrow(() -> new DocumentRefusedException(404, "id", "本案没有编号为 " + id + " 的文件"));
    if (doc.kind() != DocumentKind.RESPONSIVE) {
      throw new InvalidInputException("id", "只对拟公开信息逐件审定");
    }
    Long released = null;
    String detail;
    switch (decision) {
      case RELEASE -> {
        // an Office document converted to PDF is released as that PDF
        Optional<DocumentInfo> pdf = converted(all, id);
        released = pdf.map(DocumentInfo::id).orElse(null);
        detail = "保密审查：同意公开《%s》（全文%s）".formatted(doc.name(), pdf.map(p -> "，PDF 版本 " + p.name()).orElse(""));
      }
      case RELEASE_REDACTED -> {
        DocumentInfo version = latestRedacted(all, id)
            .or(() -> converted(all, id).flatMap(p -> latestRedacted(all, p.id())))
            .orElseThrow(() -> new InvalidInputException("decision", "该文件还没有遮盖处理后的版本"));
        released = version.id();
        detail = "保密审查：同意公开《%s》遮盖处理后的版本（%s）".formatted(doc.name(), version.name());
      }
      default -> {
        if (ground == null) {
          throw new InvalidInputException("ground", "不予公开整份文件时必须选择理由");
        }
        detail = "保密审查：《%s》整份不予公开（%s %s）".formatted(doc.name(), ground.article(), ground.label());
      }
    }
    Long releasedId = released;
    WithholdingGround kept = decision == DocumentDecision.Decision.WITHHOLD ? ground : null;
    return transaction.execute(s -> {
      DocumentDecision saved = decisions.save(id, decision, releasedId, kept, user.id());
      cases.record(c.agencyCode(), caseNumber, "DOCUMENT_DECIDED", user.id(), detail);
      return saved;
    });
  }

  /**
   * The outcome the documents imply, when the case has responsive documents and each is decided: all released
   * whole → DISCLOSE; some redacted or withheld but something released → PARTIAL; nothing released → WITHHOLD.
   */
  public Optional<Outcome> outcome(String agencyCode, String caseNumber) {
    List<DocumentInfo> responsive = register.list(agencyCode, caseNumber).stream()
        .filter(d -> d.kind() == DocumentKind.RESPONSIVE).toList();
    Map<Long, DocumentDecision> byDoc = decisions.forCase(agencyCode, caseNumber).stream()
        .collect(Collectors.toMap(DocumentDecision::documentId, Function.identity()));
    if (responsive.isEmpty() || !responsive.stream().allMatch(d -> byDoc.containsKey(d.id()))) {
      return Optional.empty();
    }
    return Optional.of(outcomeOf(responsive.stream().map(d -> byDoc.get(d.id()).decision()).toList()));
  }

  static Outcome outcomeOf(List<DocumentDecision.Decision> decided) {
    if (decided.stream().allMatch(d -> d == DocumentDecision.Decision.RELEASE)) {
      return Outcome.DISCLOSE;
    }
    return decided.stream().allMatch(d -> d == DocumentDecision.Decision.WITHHOLD) ? Outcome.WITHHOLD : Outcome.PARTIAL;
  }

  /** {@link #released} for a caller who may see the case (else not found). */
  public List<Released> releasedFor(String caseNumber, CurrentUser user) {
    CaseRecord c = access.visible(caseNumber, user);
    return released(c.agencyCode(), caseNumber);
  }

  /**
   * What leaves the agency for this case: per released responsive document, its burnt-in version where it
   * was released redacted, else the original. Withheld or undecided documents are never in this list.
   */
  public List<Released> released(String agencyCode, String caseNumber) {
    List<DocumentInfo> all = register.list(agencyCode, caseNumber);
    Map<Long, DocumentInfo> byId = all.stream().collect(Collectors.toMap(DocumentInfo::id, Function.identity()));
    List<Released> out = new ArrayList<>();
    for (DocumentDecision d : decisions.forCase(agencyCode, caseNumber)) {
      DocumentInfo original = byId.get(d.documentId());
      switch (d.decision()) {
        case RELEASE -> out.add(new Released(d.releasedDocumentId() == null ? original : byId.get(d.releasedDocumentId()),
            original, false));
        case RELEASE_REDACTED -> out.add(new Released(byId.get(d.releasedDocumentId()), original, true));
        default -> { }
      }
    }
    return out;
  }

  /**
   * The parts not disclosed, from the decisions: each withheld document whole with its ground; for each
   * document released redacted, one part per ground of its redaction plan.
   */
  public List<WithheldPart> withheldParts(String agencyCode, String caseNumber) {
    Map<Long, DocumentInfo> byId = register.list(agencyCode, caseNumber).stream()
        .collect(Collectors.toMap(DocumentInfo::id, Function.identity()));
    List<WithheldPart> parts = new ArrayList<>();
    for (DocumentDecision d : decisions.forCase(agencyCode, caseNumber)) {
      String name = byId.get(d.documentId()).name();
      if (d.decision() == DocumentDecision.Decision.WITHHOLD) {
        parts.add(new WithheldPart("《" + name + "》全文", d.ground()));
      } else if (d.decision() == DocumentDecision.Decision.RELEASE_REDACTED) {
        // the plan of the PDF that was burnt in: the document itself, or its converted PDF version
        Long burntFrom = byId.get(d.releasedDocumentId()).derivedFrom();
        List<RedactionArea> areas = plans.find(burntFrom == null ? d.documentId() : burntFrom)
            .map(RedactionPlans.Plan::areas).orElse(List.of());
        Map<WithholdingGround, Long> counts = areas.stream()
            .collect(Collectors.groupingBy(RedactionArea::ground, java.util.TreeMap::new, Collectors.counting()));
        if (counts.isEmpty()) {
          parts.add(new WithheldPart("《" + name + "》中遮盖的内容", WithholdingGround.THIRD_PARTY_RIGHTS));
        }
        counts.forEach((g, n) -> parts.add(new WithheldPart("《" + name + "》中遮盖的 " + n + " 处内容", g)));
      }
    }
    return parts;
  }

  /** The PDF version LibreOffice made of an Office document, if any (the latest). */
  private static Optional<DocumentInfo> converted(List<DocumentInfo> all, long original) {
    return latest(all, DocumentKind.CONVERTED, original);
  }

  private static Optional<DocumentInfo> latestRedacted(List<DocumentInfo> all, long original) {
    return latest(all, DocumentKind.REDACTED, original);
  }

  /** The newest document of this kind made from {@code original}. */
  private static Optional<DocumentInfo> latest(List<DocumentInfo> all, DocumentKind kind, long original) {
    return all.stream().filter(d -> d.kind() == kind && Long.valueOf(original).equals(d.derivedFrom()))
        .max(Comparator.comparingLong(DocumentInfo::id));
  }
}
