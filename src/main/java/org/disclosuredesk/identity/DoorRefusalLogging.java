package org.disclosuredesk.identity;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The engine logs every exception of a command at ERROR with its whole stack trace (ENGINE-16004, logger
 * {@code org.camunda.bpm.engine.context}), also the ones {@link EngineDoorGuard} turns into a refusal: another
 * agency's task or instance (403) and an id that names nothing (404). Someone knocking on the doors with such ids
 * filled the error log with ~200 lines per request. While a command of a door runs, those two are logged instead as
 * one line at INFO under {@code org.disclosuredesk.identity.EngineDoorGuard}; every other ERROR of the engine, and
 * these two outside a door (the route's own code: a bug), stays as it was.
 */
final class DoorRefusalLogging extends TurboFilter {

  static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  /** Set while a command that came through a door (an authenticated user) runs on this thread. */
  private static final ThreadLocal<Boolean> IN_DOOR = new ThreadLocal<>();

  private DoorRefusalLogging() {}

  /** Adds the filter to logback once (nothing when another logging system is in use). */
  static synchronized void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(DoorRefusalLogging.class::isInstance)) {
      DoorRefusalLogging filter = new DoorRefusalLogging();
      filter.setName("door-refusals");
      filter.start();
      context.addTurboFilter(filter);
    }
  }

  static void enter() {
    IN_DOOR.set(Boolean.TRUE);
  }

  static void leave() {
    IN_DOOR.remove();
  }

  /** The reason is a door's refusal, logged by the guard in one line: drop the engine's ERROR and stack trace. */
  static boolean isRefusal(Throwable t) {
    return t != null && (EngineDoorGuard.isOtherTenant(t) || EngineDoorGuard.isMissing(t));
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || IN_DOOR.get() == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable cause = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    return isRefusal(cause) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
