package org.disclosuredesk.agency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.FieldError;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's agencies (table {@code dd_agency}), read from a snapshot that each node keeps for at
 * most {@link #REVALIDATE_NANOS} (an agency created or edited on one node of a cluster is seen by the
 * others within seconds; on the node that wrote it at once).
 */
@Service
public class Agencies {

  private static final long REVALIDATE_NANOS = 5_000_000_000L;
  static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
  static final Pattern PREFIX = Pattern.compile("[A-Z]{1,8}");

  private record Snapshot(Map<String, Agency> byCode, Map<String, String> codeByPrefix, long loadedAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AgencyProperties configured;
  private volatile Snapshot snapshot;

  public Agencies(JdbcClient jdbc, Clock clock, AgencyProperties configured) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.configured = configured;
  }

  /** Every agency, in the order of their codes with the installation's own agency first. */
  public List<Agency> all() {
    List<Agency> all = new ArrayList<>(snapshot().byCode().values());
    if (all.stream().noneMatch(a -> a.code().equals(defaultCode()))) {
      all.add(configuredDefault()); // the first start, before AgencySetup wrote it
    }
    all.sort(Comparator.comparing((Agency a) -> !a.code().equals(defaultCode())).thenComparing(Agency::code));
    return all;
  }

  public Optional<Agency> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(snapshot().byCode().get(code));
  }

  /** The agency; one that is not (yet) in the table is described by the configuration (the first start). */
  public Agency get(String code) {
    return find(code).orElseGet(() -> code.equals(defaultCode()) ? configuredDefault() : unknown(code));
  }

  /** The installation's own agency ({@code disclosure.agency.code}): cases of single-agency set-ups and old data. */
  public String defaultCode() {
    return configured.code();
  }

  /**
   * The agency whose case this number is, by its prefix (GK-2026-00042 → the agency with prefix GK);
   * a number with an unknown prefix belongs to no agency and is found nowhere (the default agency's
   * register, which has no such number).
   */
  public String holderOf(String caseNumber) {
    if (caseNumber == null) {
      return defaultCode();
    }
    int dash = caseNumber.indexOf('-');
    String prefix = dash > 0 ? caseNumber.substring(0, dash) : caseNumber;
    return snapshot().codeByPrefix().getOrDefault(prefix.strip().toUpperCase(java.util.Locale.ROOT), defaultCode());
  }

  /** Creates an agency: bad fields are 400 (each named), a code or prefix in use 409. */
  @Transactional
  public Agency insert(Agency a, String by) {
    validate(a, true);
    if (find(a.code()).isPresent()) {
      throw new ConflictException("code", "机关代码 " + a.code() + " 已存在");
    }
    if (snapshot().codeByPrefix().containsKey(a.caseNumberPrefix())) {
      throw new ConflictException("caseNumberPrefix", "案件编号前缀 " + a.caseNumberPrefix() + " 已被其他机关使用");
    }
    Timestamp now = Timestamp.from(clock.instant());
    try {
      jdbc.sql("""
          insert into dd_agency (code, name, case_number_prefix, seal_text, contact_phone, contact_address,
              reconsideration_body, court, created_at, updated_at, updated_by)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(a.code(), a.name(), a.caseNumberPrefix(), a.sealText(), a.contactPhone(), a.contactAddress(),
              a.reconsiderationBody(), a.court(), now, now, by)
          .update();
    } catch (DuplicateKeyException e) {
      // another node (whose agency this node's snapshot does not show yet) or a concurrent call got there first
      forget();
      boolean prefix = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(java.util.Locale.ROOT)
          .contains("uq_dd_agency_prefix");
      throw prefix
          ? new ConflictException("caseNumberPrefix", "案件编号前缀 " + a.caseNumberPrefix() + " 已被其他机关使用")
          : new ConflictException("code", "机关代码 " + a.code() + " 已存在");
    }
    forget();
    return get(a.code());
  }

  /**
   * Changes what letters print (name, seal text, contact, remedy bodies); the code and the case-number
   * prefix stay, since issued case numbers carry it.
   */
  @Transactional
  public Agency updateLetterHeader(String code, Agency a, String by) {
    Agency current = find(code).orElseThrow(() -> new InvalidInputException("agency", "没有代码为 " + code + " 的机关"));
    Agency changed = new Agency(code, a.name(), current.caseNumberPrefix(), a.sealText(), a.contactPhone(),
        a.contactAddress(), a.reconsiderationBody(), a.court());
    validate(changed, false);
    jdbc.sql("""
        update dd_agency set name = ?, seal_text = ?, contact_phone = ?, contact_address = ?, reconsideration_body = ?,
            court = ?, updated_at = ?, updated_by = ? where code = ?""")
        .params(changed.name(), changed.sealText(), changed.contactPhone(), changed.contactAddress(),
            changed.reconsiderationBody(), changed.court(), Timestamp.from(clock.instant()), by, code)
        .update();
    forget();
    return get(code);
  }

  /** Inserts the agency unless its code is there (start-up: the configured and the demo agencies). */
  @Transactional
  public boolean insertIfAbsent(Agency a) {
    if (jdbc.sql("select count(*) from dd_agency where code = ?").param(a.code()).query(Long.class).single() > 0) {
      return false;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
        insert into dd_agency (code, name, case_number_prefix, seal_text, contact_phone, contact_address,
            reconsideration_body, court, created_at, updated_at, updated_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'system')""")
        .params(a.code(), a.name(), a.caseNumberPrefix(), a.sealText(), a.contactPhone(), a.contactAddress(),
            a.reconsiderationBody(), a.court(), now, now)
        .update();
    forget();
    return true;
  }

  /** Drops this node's snapshot: the next read loads the table. */
  public void forget() {
    snapshot = null;
  }

  static void validate(Agency a, boolean creating) {
    List<FieldError> errors = new ArrayList<>();
    if (creating && (a.code() == null || !CODE.matcher(a.code()).matches())) {
      errors.add(new FieldError("code", "机关代码须为 2–32 位小写字母、数字或连字符，以字母开头（如 housing）"));
    }
    if (creating && (a.caseNumberPrefix() == null || !PREFIX.matcher(a.caseNumberPrefix()).matches())) {
      errors.add(new FieldError("caseNumberPrefix", "案件编号前缀须为 1–8 位大写字母（如 ZJ）"));
    }
    text(errors, "name", a.name(), 200, true);
    text(errors, "sealText", a.sealText(), 200, true);
    text(errors, "contactPhone", a.contactPhone(), 60, true);
    text(errors, "contactAddress", a.contactAddress(), 300, true);
    text(errors, "reconsiderationBody", a.reconsiderationBody(), 200, true);
    text(errors, "court", a.court(), 200, true);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "必须填写"));
      }
    } else if (value.strip().length() > max) {
      errors.add(new FieldError(field, "不能超过 " + max + " 个字符"));
    } else if (value.chars().anyMatch(ch -> ch < 0x20)) {
      errors.add(new FieldError(field, "不能包含控制字符或换行"));
    }
  }

  private Agency configuredDefault() {
    return new Agency(configured.code(), configured.name(), configured.caseNumberPrefix(), configured.name(), "", "",
        "本级人民政府", "有管辖权的人民法院");
  }

  private static Agency unknown(String code) {
    return new Agency(code, code, code.toUpperCase(java.util.Locale.ROOT), code, "", "", "本级人民政府", "有管辖权的人民法院");
  }

  private Snapshot snapshot() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s == null || now - s.loadedAt() > REVALIDATE_NANOS) {
      s = load(now);
      snapshot = s;
    }
    return s;
  }

  private Snapshot load(long now) {
    Map<String, Agency> byCode = new LinkedHashMap<>();
    Map<String, String> byPrefix = new LinkedHashMap<>();
    jdbc.sql("""
        select code, name, case_number_prefix, seal_text, contact_phone, contact_address, reconsideration_body, court
        from dd_agency order by code""")
        .query((rs, i) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
        .list()
        .forEach(a -> {
          byCode.put(a.code(), a);
          byPrefix.put(a.caseNumberPrefix(), a.code());
        });
    if (!byCode.containsKey(configured.code())) {
      byPrefix.putIfAbsent(configured.caseNumberPrefix(), configured.code());
    }
    return new Snapshot(Map.copyOf(byCode), Map.copyOf(byPrefix), now);
  }
}
