package org.disclosuredesk.casefile;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting right now, for the audit trail: the user of the engine command (Tasklist, engine REST),
 * else the signed-in caller of our API; null for the engine itself (timers, jobs).
 */
public final class Actors {

  private Actors() {}

  public static String current() {
    CommandContext command = Context.getCommandContext();
    if (command != null && command.getAuthenticatedUserId() != null) {
      return command.getAuthenticatedUserId();
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      return auth.getName();
    }
    return null;
  }
}
