package org.disclosuredesk.applicant;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed public lookups per client address, counted in a table (so every node of a cluster enforces
 * one limit): after {@code limit} failures within {@code window} the address is refused until the
 * window ends — also with the right code, so guessing cannot continue. Other addresses are unaffected.
 */
@Component
class LookupThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int limit;
  private final Duration window;

  LookupThrottle(JdbcClient jdbc, Clock clock,
      @Value("${disclosure-desk.public.lookup-failures-allowed:10}") int limit,
      @Value("${disclosure-desk.public.lookup-window:PT15M}") Duration window) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.limit = limit;
    this.window = window;
  }

  /** Seconds to wait before this client may look up again, or empty when it may now. */
  Optional<Long> waitFor(String client) {
    return waitFor(client, limit, window);
  }

  /** Counts a failed lookup (a new window starts when the last one has ended). */
  void failed(String client) {
    count(client, window);
  }

  /** Seconds to wait once {@code key} was counted {@code limit} times within {@code window}, or empty. */
  Optional<Long> waitFor(String client, int limit, Duration window) {
    LocalDateTime now = LocalDateTime.now(clock);
    return jdbc.sql("select window_start, failures from dd_public_throttle where client = ?").param(key(client))
        .query((rs, i) -> {
          LocalDateTime end = rs.getTimestamp(1).toLocalDateTime().plus(window);
          return rs.getInt(2) >= limit && end.isAfter(now)
              ? Optional.of(Math.max(1, Duration.between(now, end).toSeconds())) : Optional.<Long>empty();
        })
        .optional().flatMap(o -> o);
  }

  /** Counts one event for {@code key} (a new window starts when the last one has ended). */
  void count(String client, Duration window) {
    LocalDateTime now = LocalDateTime.now(clock);
    String key = key(client);
    int updated = jdbc.sql("update dd_public_throttle set failures = case when window_start > ? then failures + 1 else 1 end, "
            + "window_start = case when window_start > ? then window_start else ? end where client = ?")
        .params(now.minus(window), now.minus(window), now, key).update();
    if (updated == 0) {
      try {
        jdbc.sql("insert into dd_public_throttle (client, window_start, failures) values (?, ?, 1)")
            .params(key, now).update();
      } catch (DuplicateKeyException raced) {
        count(client, window);
      }
    }
  }

  private static String key(String client) {
    return client == null ? "?" : client.length() > 80 ? client.substring(0, 80) : client;
  }
}
