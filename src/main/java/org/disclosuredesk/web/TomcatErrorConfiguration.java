package org.disclosuredesk.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Tomcat's own error answers in JSON ({@link JsonErrorReportValve}) in place of its HTML error page. */
@Configuration
class TomcatErrorConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
    return new Customizer();
  }

  private static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(context -> {
        Container parent = context.getParent();
        if (parent instanceof StandardHost host) {
          host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
          for (Valve v : host.getPipeline().getValves()) {
            if (v instanceof ErrorReportValve && !(v instanceof JsonErrorReportValve)) {
              host.getPipeline().removeValve(v);
            }
          }
        }
      });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
