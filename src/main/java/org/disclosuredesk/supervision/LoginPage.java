package org.disclosuredesk.supervision;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of the supervision pages (the form posts to Spring Security's login processing). */
@Controller
class LoginPage {

  @GetMapping(SupervisionSecurityConfiguration.LOGIN)
  String login() {
    return "supervision/login";
  }
}
