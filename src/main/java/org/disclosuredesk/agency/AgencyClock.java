package org.disclosuredesk.agency;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** "Today" in the agency's time zone, from the injected {@link Clock} (tests move it). */
@Component
public class AgencyClock {

  private final Clock clock;
  private final AgencyProperties agency;

  public AgencyClock(Clock clock, AgencyProperties agency) {
    this.clock = clock;
    this.agency = agency;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(agency.timeZone()));
  }

  /** The platform's time zone (the agencies of one platform are in one city). */
  public java.time.ZoneId zone() {
    return agency.timeZone();
  }

  public Clock clock() {
    return clock;
  }
}
