package org.disclosuredesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Disclosure Desk: applications for disclosure of government information (依申请公开) on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DisclosureDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(DisclosureDeskApplication.class, args);
  }
}
