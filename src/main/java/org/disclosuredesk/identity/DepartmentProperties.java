package org.disclosuredesk.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agency's departments (承办部门): code → Chinese name. Each has the engine group
 * {@code dept-<code>}; the routing table proposes one of the codes.
 */
@ConfigurationProperties("disclosure")
public record DepartmentProperties(Map<String, String> departments) {

  public DepartmentProperties {
    departments = departments == null || departments.isEmpty()
        ? defaults()
        : new LinkedHashMap<>(departments);
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("planning", "规划和自然资源科");
    d.put("finance", "财政科");
    d.put("office", "办公室");
    return d;
  }

  /**
   * The one normal form of a department code, used by validation and by the route alike
   * ({@code " Finance "} → {@code finance}); null when blank.
   */
  public static String normalise(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return code.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the code, once normalised, names a department. */
  public boolean exists(String code) {
    String normal = normalise(code);
    return normal != null && departments.containsKey(normal);
  }

  public String name(String code) {
    return departments.getOrDefault(code, code);
  }
}
