package org.disclosuredesk.web;

import java.util.Set;
import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Camunda webapps' REST servlets start with the application, not on their first request.
 *
 * <p>The starter registers them without load-on-startup, so the first page after a start waited for
 * Jersey to start the app's plugin API while the browser loaded {@code plugin.js}: RequireJS gives a
 * script 7 seconds, and on a busy server (7.6 s measured on a loaded 2-core machine) the Tasklist stayed
 * blank with "Load timeout for modules: tasklist-plugin-tasklistPlugins/plugin" until reloaded.
 */
@Configuration
class WebappApisAtStartup {

  /** The servlet names the Camunda starter gives the webapps' REST applications. */
  static final Set<String> SERVLETS = Set.of("Tasklist Api", "Cockpit Api", "Admin Api", "Welcome Api", "Engine Api");

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> startWebappApisWithTheApplication() {
    return factory -> factory.addContextCustomizers(context -> context.addContainerListener(event -> {
      if (Container.ADD_CHILD_EVENT.equals(event.getType()) && event.getData() instanceof Wrapper servlet
          && SERVLETS.contains(servlet.getName())) {
        servlet.setLoadOnStartup(1);
      }
    }));
  }
}
