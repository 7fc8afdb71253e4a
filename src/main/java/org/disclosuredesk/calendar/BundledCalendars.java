package org.disclosuredesk.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official calendars shipped on the classpath as {@code calendar/<year>.json} (holiday-cn shape, see SOURCE.md there). */
final class BundledCalendars {

  private BundledCalendars() {}

  static String resource(int year) {
    return "calendar/" + year + ".json";
  }

  /** The year's days, checked like an import; a missing or broken file is a packaging error. */
  static List<CalendarDay> read(ObjectMapper json, int year) {
    try (InputStream in = BundledCalendars.class.getClassLoader().getResourceAsStream(resource(year))) {
      if (in == null) {
        throw new IllegalStateException("disclosure.calendar.bundled-years lists " + year + " but " + resource(year) + " is missing");
      }
      return HolidayCnReader.read(year, json.readValue(in, HolidayCnYear.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource(year), e);
    }
  }
}
