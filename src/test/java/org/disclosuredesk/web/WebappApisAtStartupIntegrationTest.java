package org.disclosuredesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The Tasklist, Cockpit, Admin and Welcome REST servlets are started with the application (no cold first page). */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class WebappApisAtStartupIntegrationTest {

  @Autowired ServletWebServerApplicationContext application;

  @Test
  void theWebappsRestServletsStartWithTheApplication() {
    Context context = (Context) ((TomcatWebServer) application.getWebServer()).getTomcat().getHost().findChildren()[0];
    for (String name : WebappApisAtStartup.SERVLETS) {
      Wrapper servlet = (Wrapper) context.findChild(name);
      assertThat(servlet).as(name + " registered by the Camunda starter").isNotNull();
      assertThat(servlet.getLoadOnStartup()).as(name + " load-on-startup").isGreaterThanOrEqualTo(0);
      assertThat(servlet.getServlet()).as(name + " started").isNotNull();
    }
  }
}
