package org.disclosuredesk.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/disclosure-desk-*.jar}, built by {@code package} before
 * failsafe runs in {@code verify}) as a separate process with its own working directory and a free
 * port, which a test can kill with SIGKILL and start again on the same data.
 */
final class AppNode implements AutoCloseable {

  private static final Duration STARTUP = Duration.ofSeconds(180);

  private final String name;
  private final Path workDir;
  private final Map<String, String> settings;
  private final Path logDir;
  private Process process;
  private int port;

  private AppNode(String name, Path workDir, Map<String, String> settings) {
    this.name = name;
    this.workDir = workDir;
    this.settings = new LinkedHashMap<>(settings);
    this.logDir = Paths.get("target", "crash-logs", java.time.LocalDateTime.now().toString().replace(':', '-'))
        .toAbsolutePath();
  }

  /** Starts the jar in {@code workDir} with these Spring settings and waits until it answers. */
  static AppNode start(String name, Path workDir, Map<String, String> settings) throws Exception {
    AppNode node = new AppNode(name, workDir, settings);
    node.start();
    return node;
  }

  static Path jar() throws IOException {
    Path target = Paths.get("target").toAbsolutePath();
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("disclosure-desk-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no packaged jar in " + target
              + ": the crash tests run the application built by ./mvnw package (verify builds it before failsafe)"));
    }
  }

  /** Starts (again) on the same working directory, on a new free port. */
  void start() throws Exception {
    launch();
    awaitReady();
  }

  private void launch() throws Exception {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    port = freePort();
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-Duser.timezone=Asia/Shanghai", "-jar", jar().toString(), "--server.port=" + port));
    settings.forEach((k, v) -> command.add("--" + k + "=" + v));
    Files.createDirectories(logDir);
    Path log = log();
    Files.writeString(log, "==== start " + String.join(" ", command) + System.lineSeparator(),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  /** SIGKILL: no shutdown hook, no flush, nothing closed (Process.destroyForcibly on Linux). */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " did not die");
    }
    if (process.exitValue() != 137) {
      throw new AssertionError(name + " was not killed by SIGKILL: exit " + process.exitValue());
    }
  }

  /** An orderly shutdown (SIGTERM), e.g. before the test reads an H2 file the application held. */
  void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  String name() {
    return name;
  }

  /** The node's output, kept in target/crash-logs for a look after a failed run. */
  Path log() {
    return logDir.resolve(name + ".log");
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " during start:\n" + tail());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/engine"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    close();
    throw new AssertionError(name + " did not answer within " + STARTUP + ":\n" + tail());
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
