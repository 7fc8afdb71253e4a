package org.disclosuredesk.supervision;

import org.disclosuredesk.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same city-wide supervision tests on PostgreSQL: each agency sees its own, the city supervisor all. */
class CitySupervisionPostgresIT extends CitySupervisionIntegrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "city_supervision");
  }
}
