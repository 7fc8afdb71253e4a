package org.disclosuredesk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The input fields of every Camunda Form in {@code forms/*.form} (form id → field keys): what a form
 * submission may carry. The forms are the one source of truth; text blocks and buttons carry nothing.
 */
public final class FormFields {

  private static final Set<String> NOT_INPUT = Set.of("text", "html", "image", "button", "spacer", "separator");

  private final Map<String, Set<String>> fieldsByForm;

  private FormFields(Map<String, Set<String>> fieldsByForm) {
    this.fieldsByForm = Map.copyOf(fieldsByForm);
  }

  /** Reads every {@code forms/**}{@code /*.form} on the classpath. */
  public static FormFields load() {
    ObjectMapper json = new ObjectMapper();
    Map<String, Set<String>> forms = new TreeMap<>();
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = r.getInputStream()) {
          JsonNode form = json.readTree(in);
          Set<String> keys = new LinkedHashSet<>();
          collect(form.path("components"), keys);
          forms.put(form.path("id").asText(), Set.copyOf(keys));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the forms", e);
    }
    return new FormFields(forms);
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key") && !NOT_INPUT.contains(c.path("type").asText())) {
        keys.add(c.get("key").asText());
      }
      collect(c.path("components"), keys);
    }
  }

  /** The keys a submission of this form may carry; empty for an unknown form (nothing may be submitted). */
  public Set<String> of(String formId) {
    return formId == null ? Set.of() : fieldsByForm.getOrDefault(formId, Set.of());
  }

  public Set<String> forms() {
    return fieldsByForm.keySet();
  }
}
