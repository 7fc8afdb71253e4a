package org.disclosuredesk.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.disclosuredesk.agency.Agencies;
import org.disclosuredesk.agency.Agency;
import org.disclosuredesk.agency.AgencyCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before the web server takes requests, loads the bundled years into the database for every
 * agency of the platform, each unless that year is there already, so an administrator's correction survives
 * restarts. Nodes starting together take turns on the agency's lock; the second finds the year loaded.
 * A year loaded here is a calendar change ({@link CalendarChanged} by {@value CalendarChanged#SYSTEM}),
 * so open cases follow a newly shipped year.
 */
@Component
public class BundledCalendarLoader implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BundledCalendarLoader.class);

  private final CalendarWriter writer;
  private final CalendarProperties properties;
  private final Agencies agencies;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private volatile boolean running;

  BundledCalendarLoader(CalendarWriter writer, CalendarProperties properties, Agencies agencies, ObjectMapper json,
      PlatformTransactionManager transactions) {
    this.writer = writer;
    this.properties = properties;
    this.agencies = agencies;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void start() {
    for (Agency a : agencies.all()) {
      loadFor(a.code());
    }
    running = true;
  }

  /** An agency added while the platform runs gets the bundled years at once, in the transaction that adds it. */
  @EventListener
  void on(AgencyCreated created) {
    loadFor(created.code());
  }

  /** The bundled years for one agency (at start, and for an agency created later). */
  public void loadFor(String agencyCode) {
    writer.prepare(agencyCode);
    for (int year : properties.bundledYears()) {
      List<CalendarDay> days = BundledCalendars.read(json, year);
      try {
        if (Boolean.TRUE.equals(transaction.execute(s -> writer.loadIfAbsent(agencyCode, year, days, "bundled " + BundledCalendars.resource(year))))) {
          log.info("official calendar {} loaded for agency {} ({} days)", year, agencyCode, days.size());
        }
      } catch (DuplicateKeyException e) {
        log.info("official calendar {} for agency {} was loaded by another node at the same time", year, agencyCode);
      }
    }
    writer.forgetCached(agencyCode); // another node may have loaded some years meanwhile
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Early: before the web server (and anything else in the default phase) starts. */
  @Override
  public int getPhase() {
    return 0;
  }
}
