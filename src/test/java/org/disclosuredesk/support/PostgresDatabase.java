package org.disclosuredesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database for one test class on the server CI starts (127.0.0.1:5432 by default;
 * DD_PG_HOST, DD_PG_PORT, DD_PG_USER, DD_PG_PASSWORD override). No server: the test fails, it never skips.
 */
public final class PostgresDatabase {

  private static final String HOST = env("DD_PG_HOST", "127.0.0.1");
  private static final String PORT = env("DD_PG_PORT", "5432");
  private static final String USER = env("DD_PG_USER", "postgres");
  private static final String PASSWORD = env("DD_PG_PASSWORD", "postgres");

  private static final java.util.Map<String, Connection> HOLDING = new java.util.concurrent.ConcurrentHashMap<>();

  private PostgresDatabase() {}

  /** Creates an empty database and points the application's data source at it. */
  public static void register(DynamicPropertyRegistry registry, String purpose) {
    String url = create(purpose);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    registry.add("camunda.bpm.database.schema-update", () -> "true");
  }

  /**
   * Creates an empty database for a test that runs the application elsewhere (a separate process) and
   * returns its JDBC URL; {@link #drop} removes it.
   */
  public static String create(String purpose) {
    String name = "dd_it_" + purpose + "_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      dropLeftovers(s);
      s.execute("create database " + name);
      // a session of ours stays on it until drop (or the end of this JVM): until the application has
      // connected, a concurrent test's dropLeftovers would otherwise take it for a leftover
      HOLDING.put(url(name), DriverManager.getConnection(url(name), USER, PASSWORD));
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + HOST + ":" + PORT
          + " (CI starts it in .ci/run): " + e.getMessage(), e);
    }
    return url(name);
  }

  /** Drops a database made by {@link #create}, ending any session still connected to it. */
  public static void drop(String jdbcUrl) {
    String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    Connection holding = HOLDING.remove(jdbcUrl);
    try {
      if (holding != null) {
        holding.close();
      }
    } catch (SQLException e) {
      // dropped with force below anyway
    }
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop " + name + ": " + e.getMessage(), e);
    }
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  /**
   * Test databases do not pile up on a developer's server: those of earlier runs that nobody is
   * connected to any more are dropped (dropping at shutdown would race the application's pool).
   */
  private static void dropLeftovers(Statement s) throws SQLException {
    List<String> old = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select datname from pg_database d where datname like 'dd\\_it\\_%'"
        + " and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)")) {
      while (rs.next()) {
        old.add(rs.getString(1));
      }
    }
    for (String db : old) {
      try {
        s.execute("drop database if exists " + db);
      } catch (SQLException e) {
        // someone connected meanwhile: leave it for the next run
      }
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
