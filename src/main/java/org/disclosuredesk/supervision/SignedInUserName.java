package org.disclosuredesk.supervision;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The header of the supervision pages and the desk shows the signed-in person's name, not the user id. */
@ControllerAdvice(basePackages = {"org.disclosuredesk.supervision", "org.disclosuredesk.desk"})
class SignedInUserName {

  private final CasePageModel names;

  SignedInUserName(CasePageModel names) {
    this.names = names;
  }

  @ModelAttribute("userName")
  String userName(Principal user) {
    return user == null ? null : names.displayName(user.getName());
  }
}
