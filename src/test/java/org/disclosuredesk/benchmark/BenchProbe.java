package org.disclosuredesk.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** What a phase cost: JVM CPU (all, and the benchmark's own client threads), PostgreSQL backend CPU, commits. */
final class BenchProbe implements AutoCloseable {

  static final String HOST = env("DD_PG_HOST", "127.0.0.1");
  static final String PORT = env("DD_PG_PORT", "5432");
  static final String USER = env("DD_PG_USER", "postgres");
  static final String PASSWORD = env("DD_PG_PASSWORD", "postgres");
  /** Linux USER_HZ: /proc/<pid>/stat counts CPU in these ticks. */
  private static final double TICK_NANOS = 1e9 / 100;

  private final Connection admin;

  BenchProbe() throws SQLException {
    admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
    admin.setAutoCommit(true);
  }

  /** The application on this database (profile postgres, a free port, warnings only in the log). */
  static org.springframework.context.ConfigurableApplicationContext startApplication(String database) {
    return new org.springframework.boot.builder.SpringApplicationBuilder(org.disclosuredesk.DisclosureDeskApplication.class)
        .profiles("postgres").run("--server.port=0", "--spring.datasource.url=" + url(database),
            "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD,
            "--logging.level.root=WARN", "--logging.level.org.disclosuredesk=WARN");
  }

  /** The port the started application's web server listens on. */
  static int port(org.springframework.context.ConfigurableApplicationContext app) {
    return ((org.springframework.boot.web.context.WebServerApplicationContext) app).getWebServer().getPort();
  }

  static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  String createDatabase(String purpose) throws SQLException {
    String name = "dd_bench_" + purpose + "_" + Long.toString(System.nanoTime(), 36);
    try (Statement s = admin.createStatement()) {
      s.execute("create database " + name);
    }
    return name;
  }

  /** Drops a benchmark's database, unless -Dbench.keepDatabases=true keeps it for a look afterwards. */
  void dropDatabase(String name) {
    if (Boolean.getBoolean("bench.keepDatabases")) {
      System.out.println("[bench] kept database " + name);
      return;
    }
    try (Statement s = admin.createStatement()) {
      s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
      s.execute("drop database if exists " + name);
    } catch (SQLException e) {
      System.err.println("could not drop " + name + ": " + e.getMessage());
    }
  }

  long databaseBytes(String db) throws SQLException {
    try (PreparedStatement p = admin.prepareStatement("select pg_database_size(?)")) {
      p.setString(1, db);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Committed transactions of the database; backends report within ~10 s of going idle (PostgreSQL 15), so wait first. */
  long commits(String db, long waitMillis) throws Exception {
    Thread.sleep(waitMillis);
    try (Statement s = admin.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
    }
    try (PreparedStatement p = admin.prepareStatement("select xact_commit from pg_stat_database where datname = ?")) {
      p.setString(1, db);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * With -Dbench.statements=true (PostgreSQL started with {@code shared_preload_libraries = 'pg_stat_statements'}):
   * forgets the statistics of every statement, so that {@link #printStatements} shows one phase's statements.
   */
  void resetStatements() throws SQLException {
    if (Boolean.getBoolean("bench.statements")) {
      try (Statement s = admin.createStatement()) {
        s.execute("create extension if not exists pg_stat_statements");
        s.execute("select pg_stat_statements_reset()");
      }
    }
  }

  /**
   * With -Dbench.statements=true: the database's statements since the reset, per case, by execution time: the first 25
   * printed, all of them in {@code target/bench/statements-<phase>.txt}.
   */
  void printStatements(String db, String phase, int cases) throws SQLException {
    if (!Boolean.getBoolean("bench.statements")) {
      return;
    }
    System.out.println("[bench] statements of " + phase + " (calls per case, ms per call, ms per case):");
    try (PreparedStatement p = admin.prepareStatement("select s.calls, s.total_exec_time, left(regexp_replace(s.query,"
        + " '\\s+', ' ', 'g'), 240) from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?"
        + " order by s.total_exec_time desc")) {
      p.setString(1, db);
      StringBuilder all = new StringBuilder();
      try (ResultSet rs = p.executeQuery()) {
        for (int n = 0; rs.next(); n++) {
          String line = String.format(java.util.Locale.ROOT, "  %7.2f %7.3f %7.2f  %s%n", rs.getLong(1) / (double) cases,
              rs.getDouble(2) / rs.getLong(1), rs.getDouble(2) / cases, rs.getString(3));
          all.append(line);
          if (n < 25) {
            System.out.print(line);
          }
        }
      }
      try {
        Path file = Path.of("target", "bench", "statements-" + phase.replaceAll("[^A-Za-z]+", "-") + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, all);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    try (PreparedStatement p = admin.prepareStatement("select sum(s.calls), sum(s.total_exec_time) from pg_stat_statements s"
        + " join pg_database d on d.oid = s.dbid where d.datname = ?")) {
      p.setString(1, db);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        System.out.printf(java.util.Locale.ROOT, "  all: %.1f statements and %.1f ms per case%n", rs.getLong(1) / (double) cases,
            rs.getDouble(2) / cases);
      }
    }
  }

  /** CPU ticks of each backend serving the database now (pid → utime + stime), read from /proc. */
  Map<Integer, Long> backendTicks(String db) throws SQLException {
    Map<Integer, Long> ticks = new HashMap<>();
    try (PreparedStatement p = admin.prepareStatement("select pid from pg_stat_activity where datname = ?")) {
      p.setString(1, db);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int pid = rs.getInt(1);
          long t = procTicks(pid);
          if (t >= 0) {
            ticks.put(pid, t);
          }
        }
      }
    }
    return ticks;
  }

  /** Backend CPU between two readings, in ns; -1 when /proc is not readable (server elsewhere). */
  static long backendNanos(Map<Integer, Long> before, Map<Integer, Long> after) {
    if (after.isEmpty()) {
      return -1;
    }
    long ticks = 0;
    for (Map.Entry<Integer, Long> e : after.entrySet()) {
      ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return (long) (ticks * TICK_NANOS);
  }

  private static long procTicks(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return -1;
    }
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** CPU of the benchmark's own threads (client workers, their HTTP client threads). */
  static long clientCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && (info.getThreadName().startsWith("bench-") || info.getThreadName().startsWith("HttpClient-"))) {
        long t = threads.getThreadCpuTime(info.getThreadId());
        if (t > 0) {
          sum += t;
        }
      }
    }
    return sum;
  }

  /**
   * Waits for the work an application start leaves running in the background (the letter font check, which
   * reads the font files), so that "heap after start" holds what that work keeps.
   */
  static void awaitBackgroundStartWork() throws InterruptedException {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(org.disclosuredesk.letters.Letters.FONT_CHECK_THREAD)) {
        t.join(60_000);
      }
    }
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() throws SQLException {
    admin.close();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
