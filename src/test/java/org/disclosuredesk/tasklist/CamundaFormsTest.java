package org.disclosuredesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the form-js bundled in the 7.24 Tasklist needs from {@code forms/*.form}, checked without a
 * browser: it refuses a whole form when two components share an id ("form field with id &lt;Text_1&gt;
 * already exists"); it reads schemaVersion 16 at most; and a {@code required} field that a condition
 * hides keeps its error after it is hidden, which leaves Tasklist's 完成 button disabled — such fields
 * are checked by the server instead.
 */
class CamundaFormsTest {

  private static final Path FORMS = Paths.get("forms");
  private static final Path BPMN = Paths.get("processes");
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyFormLoadsInTheBundledFormJs() throws IOException {
    Map<String, JsonNode> forms = forms();
    assertThat(forms).isNotEmpty();
    List<String> problems = new ArrayList<>();
    forms.forEach((file, form) -> {
      if (form.path("schemaVersion").asInt() > 16) {
        problems.add(file + ": schemaVersion " + form.path("schemaVersion") + " > 16 (Tasklist 7.24's form-js)");
      }
      Set<String> ids = new HashSet<>();
      Set<String> keys = new HashSet<>();
      components(form).forEach(c -> {
        if (!ids.add(c.path("id").asText())) {
          problems.add(file + ": component id " + c.path("id").asText() + " is used twice");
        }
        if (c.hasNonNull("key") && !keys.add(c.path("key").asText())) {
          problems.add(file + ": key " + c.path("key").asText() + " is used twice");
        }
        if (c.has("conditional") && c.path("validate").path("required").asBoolean()) {
          problems.add(file + ": " + c.path("key").asText() + " is required and conditionally hidden");
        }
      });
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFormTheRouteNamesExists() throws IOException {
    Set<String> formIds = new HashSet<>();
    forms().values().forEach(f -> formIds.add(f.path("id").asText()));
    Set<String> referenced = new HashSet<>();
    try (Stream<Path> files = Files.list(BPMN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher m = FORM_REF.matcher(Files.readString(p));
        while (m.find()) {
          referenced.add(m.group(1));
        }
      }
    }
    assertThat(referenced).isNotEmpty();
    assertThat(formIds).containsAll(referenced);
  }

  private Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new TreeMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        forms.put(p.getFileName().toString(), json.readTree(p.toFile()));
      }
    }
    return forms;
  }

  private static List<JsonNode> components(JsonNode parent) {
    List<JsonNode> all = new ArrayList<>();
    parent.path("components").forEach(c -> {
      all.add(c);
      all.addAll(components(c));
    });
    return all;
  }
}
