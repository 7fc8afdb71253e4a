package org.disclosuredesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The forms are what a submission may carry: every form the route names exists, and none writes the route's own variables. */
class FormFieldsTest {

  private final FormFields forms = FormFields.load();

  @Test
  void everyFormOfTheRouteIsKnownWithItsInputFields() throws Exception {
    String bpmn = Files.readString(Path.of("processes/disclosure-request.bpmn"));
    Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(bpmn);
    int refs = 0;
    while (ref.find()) {
      refs++;
      assertThat(forms.forms()).as("form of the route").contains(ref.group(1));
      assertThat(forms.of(ref.group(1))).as(ref.group(1)).isNotEmpty();
    }
    assertThat(refs).isGreaterThanOrEqualTo(9);
    assertThat(forms.of("registrationForm")).contains("idNumber", "applicantName", "channel").doesNotContain("caseNumber");
    assertThat(forms.of("handleRequestForm")).contains("handlingAction", "replyNote").doesNotContain("caseSummary");
    assertThat(forms.of("noSuchForm")).isEmpty();
  }

  @Test
  void noFormWritesWhatOnlyTheRouteWrites() {
    for (String form : forms.forms()) {
      assertThat(forms.of(form)).as(form).doesNotContain("caseNumber", "agencyCode", "caseSummary", "caseHistory",
          "proposal", "supplementCount", "outcome", "withholdingGround", "proposedDepartment", "initiator");
    }
  }
}
