package org.disclosuredesk.referral;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.disclosuredesk.identity.CurrentUser;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.ForbiddenException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code POST /api/requests/{caseNumber}/referral} and the desk's referral form on the case page
 * ({@code POST /desk/cases/{caseNumber}/referral}, behind the desk's sign-in and CSRF token).
 */
@Controller
class ReferralController {

  private final CaseReferrals referrals;

  ReferralController(CaseReferrals referrals) {
    this.referrals = referrals;
  }

  /** 201 with the new case {caseNumber, agency, receivedOn, dueOn}. */
  @PostMapping("/api/requests/{caseNumber}/referral")
  @ResponseBody
  ResponseEntity<Referred> refer(@PathVariable String caseNumber, @RequestBody(required = false) ReferralInput input) {
    Referred r = referOnce(() -> referrals.refer(caseNumber, input, CurrentUser.get()));
    return ResponseEntity.created(URI.create("/api/requests/" + r.caseNumber())).body(r);
  }

  @PostMapping("/desk/cases/{caseNumber}/referral")
  String referAtDesk(@PathVariable String caseNumber, @RequestParam(required = false) String agency,
      @RequestParam(required = false) String consent, RedirectAttributes flash) {
    try {
      Referred r = referOnce(() -> referrals.refer(caseNumber, new ReferralInput(agency, consent), CurrentUser.get()));
      flash.addFlashAttribute("message", "已转送，转入机关立案 " + r.caseNumber() + "，收到申请日期 " + r.receivedOn()
          + "，答复期限 " + r.dueOn());
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("error", "未转送：" + describe(e.errors()));
    } catch (ConflictException | ForbiddenException e) {
      flash.addFlashAttribute("error", "未转送：" + e.getMessage());
    }
    return "redirect:/desk/cases/" + caseNumber;
  }

  /** Two referrals of one case at the same moment: the second fails on the table's key and is a conflict. */
  private static Referred referOnce(Supplier<Referred> referral) {
    try {
      return referral.get();
    } catch (DuplicateKeyException concurrent) {
      throw new ConflictException("referral", "本案已转送，不能再次转送");
    }
  }

  private static String describe(List<FieldError> errors) {
    return String.join("；", errors.stream()
        .map(e -> ("agency".equals(e.field()) ? "转入机关" : "consent".equals(e.field()) ? "申请人同意情况" : e.field())
            + "：" + e.message())
        .toList());
  }
}
