package org.disclosuredesk.documents;

import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.identity.CaseAccess;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a case's documents. Seeing follows the case ({@link CaseAccess#maySee}, the rule
 * of {@code GET /api/requests/{n}}): a case the caller may not see is not found. Attaching: reception, the
 * responsible department's officers, admins; the portal its own cases' application and supplement materials.
 */
@Component
class DocumentAccess {

  private final CaseRegister register;
  private final DocumentRegister documents;
  private final Agencies agencies;
  private final CaseAccess cases;

  DocumentAccess(CaseRegister register, DocumentRegister documents, Agencies agencies, CaseAccess cases) {
    this.register = register;
    this.documents = documents;
    this.agencies = agencies;
    this.cases = cases;
  }

  /** The case, if the caller may see it; otherwise not found. */
  CaseRecord visible(String caseNumber, CurrentUser user) {
    return register.find(agencies.holderOf(caseNumber), caseNumber).filter(c -> cases.maySee(user, c))
        .orElseThrow(() -> new CaseNotFoundException(caseNumber));
  }

  /**
   * The case for the applicant, who proved its verification code on the public pages: only their own
   * materials or supplement (申请材料, 补正材料).
   */
  CaseRecord forApplicant(String caseNumber, DocumentKind kind) {
    if (kind != DocumentKind.APPLICATION_MATERIAL && kind != DocumentKind.SUPPLEMENT) {
      throw new DocumentRefusedException(403, "kind", "申请人只能上传申请材料或补正材料");
    }
    return register.find(agencies.holderOf(caseNumber), caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
  }

  /** The case, if the caller may attach a document of this kind to it; 404 when it may not see it, 403 otherwise. */
  CaseRecord forUpload(String caseNumber, DocumentKind kind, CurrentUser user) {
    if (user.in(Groups.PORTAL) && !user.in(Groups.RECEPTION) && !user.in(Groups.SUPERVISORS) && !user.in(Groups.ADMIN)) {
      CaseRecord c = register.find(agencies.holderOf(caseNumber), caseNumber)
          .filter(found -> user.memberOf(found.agencyCode()))
          .filter(found -> documents.registeredBy(found.agencyCode(), caseNumber).filter(user.id()::equals).isPresent())
          .orElseThrow(() -> new CaseNotFoundException(caseNumber));
      if (kind != DocumentKind.APPLICATION_MATERIAL && kind != DocumentKind.SUPPLEMENT) {
        throw new DocumentRefusedException(403, "kind", "网上申请平台只能上传申请材料或补正材料");
      }
      return c;
    }
    CaseRecord c = visible(caseNumber, user);
    boolean officer = c.department() != null && user.in(Groups.department(c.department()));
    if (!(user.in(Groups.RECEPTION) || user.in(Groups.ADMIN) || officer)) {
      throw new DocumentRefusedException(403, "authorization", "无权为本案上传文件（接待室、承办部门或管理员可以上传）");
    }
    return c;
  }

  /**
   * The case, if the caller may redact its documents: the responsible department's officers and admins, and the
   * confidentiality reviewers while the case is under their review (they change what the department proposed).
   */
  CaseRecord forRedaction(String caseNumber, CurrentUser user) {
    CaseRecord c = visible(caseNumber, user);
    boolean officer = c.department() != null && user.in(Groups.department(c.department()));
    boolean reviewing = user.in(Groups.CONFIDENTIALITY) && c.status() == org.disclosuredesk.casefile.CaseStatus.IN_REVIEW;
    if (!(officer || reviewing || user.in(Groups.ADMIN))) {
      throw new DocumentRefusedException(403, "authorization",
          "无权遮盖本案文件（承办部门、审查期间的保密审查人员或管理员可以）");
    }
    return c;
  }
}
