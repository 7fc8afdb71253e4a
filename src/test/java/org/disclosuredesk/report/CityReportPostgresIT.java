package org.disclosuredesk.report;

import org.disclosuredesk.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same per-agency reports and city aggregate on PostgreSQL. */
class CityReportPostgresIT extends CityReportIntegrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "city_report");
  }
}
