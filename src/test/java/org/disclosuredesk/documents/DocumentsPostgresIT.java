package org.disclosuredesk.documents;

import org.disclosuredesk.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same document tests on PostgreSQL: bytea written from a stream, read back and checked, refusals roll back. */
class DocumentsPostgresIT extends DocumentsIntegrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresDatabase.register(registry, "documents");
  }
}
