package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.disclosuredesk.casefile.CaseStatus;
import org.disclosuredesk.casefile.Channel;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class CaseListCriteriaTest {

  final Map<String, String> departments = new DepartmentProperties(null).departments();

  @Test
  void parsesEveryParameterAndDefaultsTheFilter() {
    CaseListCriteria c = CaseListCriteria.parse("due-soon", CaseFilter.OPEN, "finance", "IN_REVIEW", "FAX", "desc",
        departments);

    assertThat(c).isEqualTo(new CaseListCriteria(CaseFilter.DUE_SOON, "finance", CaseStatus.IN_REVIEW, Channel.FAX, true));
    assertThat(CaseListCriteria.parse(null, CaseFilter.OVERDUE, "", " ", null, "asc", departments))
        .isEqualTo(new CaseListCriteria(CaseFilter.OVERDUE, null, null, null, false));
  }

  @Test
  void unknownValuesAreFieldErrorsOnTheirParameter() {
    assertField(() -> CaseListCriteria.parse("late", CaseFilter.OPEN, null, null, null, null, departments), "filter");
    assertField(() -> CaseListCriteria.parse("open", CaseFilter.OPEN, "moon", null, null, null, departments), "department");
    assertField(() -> CaseListCriteria.parse("open", CaseFilter.OPEN, null, "CLOSED", null, null, departments), "status");
    assertField(() -> CaseListCriteria.parse("open", CaseFilter.OPEN, null, null, "PIGEON", null, departments), "channel");
    assertField(() -> CaseListCriteria.parse("open", CaseFilter.OPEN, null, null, null, "up", departments), "sort");
  }

  private static void assertField(Runnable parse, String field) {
    assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.errors()).singleElement().extracting(f -> f.field()).isEqualTo(field));
  }
}
