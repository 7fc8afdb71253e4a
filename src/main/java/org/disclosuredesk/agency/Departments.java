package org.disclosuredesk.agency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each agency's departments (承办部门, table {@code dd_department}). A department's officers are the
 * engine group {@code dept-<code>}, so a code is unique on the whole platform; which agency it belongs
 * to follows from the code. Read from a snapshot kept for at most five seconds, as {@link Agencies}.
 */
@Service
public class Departments {

  private static final long REVALIDATE_NANOS = 5_000_000_000L;
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,40}");

  /** One department: its agency, code and name. */
  public record Department(String agencyCode, String code, String name) {}

  private record Snapshot(Map<String, Map<String, String>> byAgency, Map<String, String> agencyByCode, long loadedAt) {}

  private final JdbcClient jdbc;
  private final DepartmentProperties configured;
  private final AgencyProperties agency;
  private volatile Snapshot snapshot;

  Departments(JdbcClient jdbc, DepartmentProperties configured, AgencyProperties agency) {
    this.jdbc = jdbc;
    this.configured = configured;
    this.agency = agency;
  }

  /** The agency's departments, code → name, in their order. */
  public Map<String, String> of(String agencyCode) {
    Map<String, String> d = snapshot().byAgency().get(agencyCode);
    if (d == null && agencyCode.equals(agency.code())) {
      return configured.departments(); // before the first start has written the table
    }
    return d == null ? Map.of() : d;
  }

  /** Whether the code, once normalised, is one of this agency's departments. */
  public boolean exists(String agencyCode, String code) {
    String normal = DepartmentProperties.normalise(code);
    return normal != null && of(agencyCode).containsKey(normal);
  }

  /** The department's Chinese name (any agency's: codes are unique), or the code itself. */
  public String name(String code) {
    if (code == null) {
      return null;
    }
    String holder = snapshot().agencyByCode().get(code);
    return holder == null ? configured.name(code) : of(holder).getOrDefault(code, code);
  }

  /**
   * The routing table proposes a department by the information sought; one the agency does not have
   * becomes the agency's last department (its catch-all, e.g. 办公室), which reception confirms or changes.
   */
  public String proposalFor(String agencyCode, String proposed) {
    if (exists(agencyCode, proposed)) {
      return DepartmentProperties.normalise(proposed);
    }
    List<String> codes = new ArrayList<>(of(agencyCode).keySet());
    return codes.isEmpty() ? proposed : codes.get(codes.size() - 1);
  }

  /** Adds the department unless its code exists (start-up seeding). */
  @Transactional
  public boolean insertIfAbsent(String agencyCode, String code, String name) {
    if (jdbc.sql("select count(*) from dd_department where code = ?").param(code).query(Long.class).single() > 0) {
      return false;
    }
    int position = jdbc.sql("select coalesce(max(position), 0) + 1 from dd_department where agency_code = ?")
        .param(agencyCode).query(Integer.class).single();
    jdbc.sql("insert into dd_department (agency_code, code, name, position) values (?, ?, ?, ?)")
        .params(agencyCode, code, name, position).update();
    forget();
    return true;
  }

  /**
   * Adds a department to an agency or renames one of its own: bad fields 400, a code another agency
   * uses 409.
   */
  @Transactional
  public Department save(String agencyCode, String code, String name) {
    List<FieldError> errors = new ArrayList<>();
    if (code == null || !CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "部门代码须为 2–41 位小写字母、数字或连字符，以字母开头（如 housing-dept）"));
    }
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "必须填写"));
    } else if (name.strip().length() > 200 || name.chars().anyMatch(ch -> ch < 0x20)) {
      errors.add(new FieldError("name", "不能超过 200 个字符，不能包含控制字符"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String holder = jdbc.sql("select agency_code from dd_department where code = ?").param(code).query(String.class)
        .optional().orElse(null);
    if (holder != null && !holder.equals(agencyCode)) {
      throw new ConflictException("code", "部门代码 " + code + " 已被其他机关使用");
    }
    if (holder == null) {
      try {
        insertIfAbsent(agencyCode, code, name.strip());
      } catch (org.springframework.dao.DuplicateKeyException e) {
        // added at the same moment elsewhere: the caller tries again and sees whose it is
        forget();
        throw new ConflictException("code", "部门代码 " + code + " 刚被添加，请刷新后重试");
      }
    } else {
      jdbc.sql("update dd_department set name = ? where code = ?").params(name.strip(), code).update();
      forget();
    }
    return new Department(agencyCode, code, name.strip());
  }

  /** Drops this node's snapshot. */
  public void forget() {
    snapshot = null;
  }

  private Snapshot snapshot() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s == null || now - s.loadedAt() > REVALIDATE_NANOS) {
      Map<String, Map<String, String>> byAgency = new LinkedHashMap<>();
      Map<String, String> agencyByCode = new LinkedHashMap<>();
      jdbc.sql("select agency_code, code, name from dd_department order by agency_code, position, code")
          .query((rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3)))
          .list()
          .forEach(d -> {
            byAgency.computeIfAbsent(d.agencyCode(), k -> new LinkedHashMap<>()).put(d.code(), d.name());
            agencyByCode.put(d.code(), d.agencyCode());
          });
      byAgency.replaceAll((k, v) -> java.util.Collections.unmodifiableMap(v));
      s = new Snapshot(byAgency, agencyByCode, now);
      snapshot = s;
    }
    return s;
  }
}
