package org.disclosuredesk.agency;

import java.util.Map;
import org.disclosuredesk.identity.AgencyIdentities;
import org.disclosuredesk.identity.DemoProperties;
import org.disclosuredesk.identity.DepartmentProperties;
import org.disclosuredesk.identity.Groups;
import org.disclosuredesk.letters.LettersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * At start, before the calendars are loaded and the web server takes requests: the installation's own
 * agency (from {@code disclosure.agency} and {@code disclosure.letters}) and its departments are in the
 * tables; with the demo users, a second agency {@code housing} with its people and a city supervisor;
 * every agency is an engine tenant and every department a group. Idempotent: nodes of a cluster may
 * start together, and what an administrator changed later (the letter header, departments) stays.
 */
@Component
class AgencySetup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AgencySetup.class);
  /** The demo's second agency (issue 10). */
  static final Agency HOUSING = new Agency("housing", "市住房和城乡建设局", "ZJ", "市住房和城乡建设局（政府信息公开专用章）",
      "0000-87654321", "示例市建设路8号 市住房和城乡建设局政府信息公开接待室", "示例市人民政府", "示例市中级人民法院");

  private final Agencies agencies;
  private final Departments departments;
  private final AgencyIdentities identities;
  private final AgencyProperties agency;
  private final LettersProperties letters;
  private final DepartmentProperties configuredDepartments;
  private final DemoProperties demo;
  private volatile boolean running;

  AgencySetup(Agencies agencies, Departments departments, AgencyIdentities identities, AgencyProperties agency,
      LettersProperties letters, DepartmentProperties configuredDepartments, DemoProperties demo) {
    this.agencies = agencies;
    this.departments = departments;
    this.identities = identities;
    this.agency = agency;
    this.letters = letters;
    this.configuredDepartments = configuredDepartments;
    this.demo = demo;
  }

  /** The installation's own agency as configured (the letter settings of a single-agency installation). */
  Agency configured() {
    String name = letters.agencyName().isBlank() ? agency.name() : letters.agencyName();
    return new Agency(agency.code(), name.isBlank() ? agency.code() : name, agency.caseNumberPrefix(),
        letters.sealText().isBlank() ? name : letters.sealText(), letters.contactPhone(),
        letters.contactAddress(), letters.reconsiderationBody(), letters.court());
  }

  @Override
  public void start() {
    quietly(() -> agencies.insertIfAbsent(configured()));
    configuredDepartments.departments().forEach((code, name) ->
        quietly(() -> departments.insertIfAbsent(agency.code(), code, name)));
    if (demo.users()) {
      demoAgency();
    }
    for (Agency a : agencies.all()) {
      identities.agency(a.code(), a.name());
      departments.of(a.code()).forEach(identities::department);
    }
    running = true;
  }

  private void demoAgency() {
    quietly(() -> agencies.insertIfAbsent(HOUSING));
    quietly(() -> departments.insertIfAbsent(HOUSING.code(), "housing-dept", "住房保障科"));
    identities.agency(HOUSING.code(), HOUSING.name());
    identities.department("housing-dept", "住房保障科");
    Map<String, String[]> people = Map.of(
        "housing-reception", new String[] {"住建局接待室", "工作人员", Groups.RECEPTION},
        "housing-officer", new String[] {"住房保障科", "承办人", Groups.department("housing-dept")},
        "housing-reviewer", new String[] {"住建局保密", "审查员", Groups.CONFIDENTIALITY},
        "housing-supervisor", new String[] {"住建局督办", "负责人", Groups.SUPERVISORS},
        "housing-admin", new String[] {"住建局", "机关管理员", Groups.AGENCY_ADMINS});
    people.forEach((id, spec) -> identities.demoUser(HOUSING.code(), id, spec[0], spec[1], spec[2]));
    identities.demoPlatformUser("city-supervisor", "市政府信息公开办", "督办人员", Groups.CITY_SUPERVISORS);
  }

  /** A concurrent start of another node inserted the same row first: fine. */
  private static void quietly(Runnable insert) {
    try {
      insert.run();
    } catch (DuplicateKeyException e) {
      log.info("agency data inserted by another node at the same time: {}", e.getMostSpecificCause().getMessage());
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the bundled calendars (phase 0), which are loaded for every agency. */
  @Override
  public int getPhase() {
    return -10;
  }
}
