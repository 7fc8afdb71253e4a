package org.disclosuredesk.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for a test that stops it (the machine's shared server on 5432 is
 * never touched): initdb into a temporary directory, a free port, trust authentication on
 * 127.0.0.1, {@code pg_ctl stop -m immediate} as a crash. Run as root (CI), the server runs as the
 * {@code postgres} OS user, since initdb refuses root. Missing binaries fail the test: it never skips.
 */
final class ThrowawayPostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;

  private ThrowawayPostgres() throws Exception {
    this.bin = binaries();
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    this.dir = Files.createTempDirectory("dd-throwaway-pg-");
    this.data = dir.resolve("data");
    this.port = AppNode.freePort();
    if (asPostgresUser) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
    }
    run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
  }

  /** Creates and starts a new server. */
  static ThrowawayPostgres start() throws Exception {
    ThrowawayPostgres pg = new ThrowawayPostgres();
    pg.startServer();
    return pg;
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** (Re)starts the server on the same data and port; returns when it accepts connections. */
  void startServer() throws Exception {
    run("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
  }

  /** Stops the server the hard way: no checkpoint, sessions cut off; recovery runs at the next start. */
  void crash() throws Exception {
    run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
  }

  @Override
  public void close() throws Exception {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void run(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    // output to a file, not a pipe: the server that pg_ctl leaves running must not hold our pipe open
    Path output = Files.createTempFile("dd-pg-" + tool + "-", ".out");
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " failed:\n"
            + Files.readString(output, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** The newest /usr/lib/postgresql/N/bin with initdb and pg_ctl (Debian's postgresql package, .ci/run installs it). */
  private static Path binaries() throws IOException {
    Path root = Paths.get("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path found = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
            .max(Comparator.comparing(b -> versionOf(b.getParent())))
            .orElse(null);
        if (found != null) {
          return found;
        }
      }
    }
    throw new AssertionError("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin:"
        + " install the postgresql package (.ci/run does); this test needs a server of its own to restart");
  }

  private static int versionOf(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString().replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
