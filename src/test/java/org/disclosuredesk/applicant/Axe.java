package org.disclosuredesk.applicant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (from its webjar, test scope) run in the page: the serious and critical accessibility
 * violations, each as "rule: help (selectors)".
 */
final class Axe {

  private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Axe() {}

  static List<String> seriousViolations(Page page) {
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
    Object result = page.evaluate("async () => JSON.stringify((await axe.run(document, "
        + "{ resultTypes: ['violations'] })).violations)");
    List<String> found = new ArrayList<>();
    try {
      for (JsonNode v : JSON.readTree((String) result)) {
        String impact = v.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          List<String> targets = new ArrayList<>();
          v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
          found.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " " + targets);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static String script() {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " not on the test classpath (org.webjars.npm:axe-core)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
