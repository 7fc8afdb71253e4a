package org.disclosuredesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

  private PostgresDatabase() {}

  /** Creates an empty database and points the application's data source at it. */
  public static void register(DynamicPropertyRegistry registry, String purpose) {
    String name = "dd_it_" + purpose + "_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + HOST + ":" + PORT
          + " (CI starts it in .ci/run): " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
    registry.add("spring.datasource.url", () -> url(name));
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
    registry.add("camunda.bpm.database.schema-update", () -> "true");
  }

  /** Test databases do not pile up on a developer's server. */
  private static void drop(String name) {
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      System.err.println("could not drop test database " + name + ": " + e.getMessage());
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
