package org.disclosuredesk.identity;

import org.disclosuredesk.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same isolation of agencies on PostgreSQL: every door, each agency's people, the city supervisor. */
class AgencyIsolationPostgresIT extends AgencyIsolationIntegrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "agency_isolation");
  }
}
