package org.disclosuredesk.calendar;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code disclosure.calendar.*}.
 *
 * @param bundledYears the official calendars shipped in {@code calendar/<year>.json}, loaded at start
 *     into the database for the configured agency unless the year is there already
 * @param revalidateAfter how long a node uses its in-memory calendar before it asks the database
 *     (one tiny query) whether another node changed it; default 2 seconds
 */
@ConfigurationProperties("disclosure.calendar")
record CalendarProperties(List<Integer> bundledYears, Duration revalidateAfter) {

  CalendarProperties {
    bundledYears = bundledYears == null ? List.of() : List.copyOf(bundledYears);
    revalidateAfter = revalidateAfter == null || revalidateAfter.isNegative() ? Duration.ofSeconds(2) : revalidateAfter;
  }
}
