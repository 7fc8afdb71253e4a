package org.disclosuredesk.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Staff addresses from the engine's identity service: users with an e-mail address. */
@Component
class Recipients {

  /** user id → e-mail, in a stable order, without duplicates. */
  record Resolved(Map<String, String> addresses) {
    List<String> emails() {
      return addresses.values().stream().distinct().toList();
    }

    boolean isEmpty() {
      return addresses.isEmpty();
    }
  }

  private final IdentityService identity;

  Recipients(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * The members of the groups who work for the case's agency: the groups (reception, supervisors …) are
   * the same on every agency, their people are not.
   */
  Resolved groups(String agencyCode, Collection<String> groupIds) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String group : groupIds) {
      identity.createUserQuery().memberOfGroup(group).memberOfTenant(agencyCode).orderByUserId().asc().list()
          .forEach(u -> add(found, u));
    }
    return new Resolved(found);
  }

  Resolved users(Collection<String> userIds) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String id : userIds) {
      User u = identity.createUserQuery().userId(id).singleResult();
      if (u != null) {
        add(found, u);
      }
    }
    return new Resolved(found);
  }

  private static void add(Map<String, String> found, User u) {
    if (u.getEmail() != null && !u.getEmail().isBlank()) {
      found.putIfAbsent(u.getId(), u.getEmail().strip());
    }
  }
}
