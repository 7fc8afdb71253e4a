package org.disclosuredesk.agency;

import org.disclosuredesk.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The agency administration on PostgreSQL: an agency added in one transaction with its tenant, groups and calendar. */
class AgencyAdministrationPostgresIT extends AgencyAdministrationIntegrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "agency_administration");
  }
}
