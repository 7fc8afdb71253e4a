package org.disclosuredesk.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the packaged application is killed with SIGKILL while applicants submit the online form with a file
 * each; after the restart every application the page confirmed is there with its file, and no online case is
 * without its materials (the case and its files commit together).
 */
class OnlineApplicationCrashIT {

  static final int CLIENTS = 3;
  static final int CONFIRMED_BEFORE_KILL = 30;

  @TempDir Path work;

  @Test
  void everyConfirmedOnlineApplicationKeepsItsFileAcrossAKill() throws Exception {
    Map<String, String> settings = Map.of("disclosure-desk.public.apply-minimum-fill-time", "PT0S",
        "disclosure-desk.public.apply-proof-of-work-bits", "1",
        "disclosure-desk.public.applications-per-address-per-hour", "100000",
        "disclosure-desk.public.applications-per-id-per-day", "100000");
    Map<String, Integer> confirmed = new ConcurrentHashMap<>(); // case number → 1 file sent
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    try (AppNode node = AppNode.start("apply-node", work, settings)) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger sequence = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      String base = node.base();
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(() -> {
          while (running.get()) {
            int n = sequence.incrementAndGet();
            try {
              Submitted s = apply(base, n);
              statuses.merge(s.status(), 1, Integer::sum);
              if (s.status() == 201) {
                confirmed.put(s.caseNumber(), 1);
              }
            } catch (Exception e) {
              statuses.merge(-1, 1, Integer::sum); // in flight at the kill, or refused while it died
            }
          }
          return null;
        });
      }
      long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (confirmed.size() < CONFIRMED_BEFORE_KILL && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(confirmed.size()).as("confirmed before the kill, answers %s", statuses)
          .isGreaterThanOrEqualTo(CONFIRMED_BEFORE_KILL);
      node.kill();
      running.set(false);
      clients.shutdown();
      clients.awaitTermination(1, TimeUnit.MINUTES);
      assertThat(statuses.keySet()).as("answers: %s", statuses).allMatch(s -> s == 201 || s == -1);

      node.start();
      assertThat(apply(node.base(), 100_000).status()).as("an application after the restart").isEqualTo(201);
      node.stop();
    }
    try (Connection db = DriverManager.getConnection(
        "jdbc:h2:file:" + work.resolve("data/disclosure-desk").toAbsolutePath(), "sa", "");
        Statement s = db.createStatement()) {
      Map<String, Integer> files = new HashMap<>();
      try (ResultSet rs = s.executeQuery("select c.case_number, count(d.id) from dd_case c left join dd_document d"
          + " on d.agency_code = c.agency_code and d.case_number = c.case_number and d.kind = 'APPLICATION_MATERIAL'"
          + " where c.channel = 'ONLINE' group by c.case_number")) {
        while (rs.next()) {
          files.put(rs.getString(1), rs.getInt(2));
        }
      }
      assertThat(files).as("every confirmed application is there with its one file").containsAllEntriesOf(confirmed);
      assertThat(files.values()).as("no online case without its materials").allMatch(n -> n == 1);
      System.out.printf("Online application crash: %d confirmed before the kill, answers %s; after the restart %d online"
          + " cases, each with its file%n", confirmed.size(), statuses, files.size());
    }
  }

  record Submitted(int status, String caseNumber) {}

  /** Opens /apply/ in a fresh session, solves its challenge and submits the form with one PNG. */
  static Submitted apply(String base, int n) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(2)).build();
    String page = http.send(HttpRequest.newBuilder(URI.create(base + "/apply/")).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    String token = field(page, "name=\"challenge\" value=\"([^\"]+)\"");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", field(page, "name=\"_csrf\" value=\"([^\"]+)\""));
    form.put("challenge", token);
    form.put("proof", String.valueOf(solve(token)));
    form.put("agency", "default");
    form.put("applicant.type", "NATURAL_PERSON");
    form.put("applicant.name", "李四");
    form.put("applicant.idType", "RESIDENT_ID");
    form.put("applicant.idNumber", "11010519491231002X");
    form.put("applicant.phone", "13900000000");
    form.put("description", "第 " + n + " 份申请：2025年道路维修合同");
    form.put("purpose", "了解本地规划");
    form.put("format", "ELECTRONIC");
    form.put("delivery", "PICKUP");
    form.put("consent", "yes");
    String boundary = "crash-" + n + "-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> e : form.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
          + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"materials\"; filename=\"身份证.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(png(n));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/apply/")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Matcher m = Pattern.compile("id=\"case-number\"[^>]*>([^<]*)<").matcher(r.body());
    return new Submitted(r.statusCode(), m.find() ? m.group(1) : null);
  }

  private static String field(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    if (!m.find()) {
      throw new AssertionError("not on the page: " + regex);
    }
    return m.group(1);
  }

  /** A different small PNG per application (content-addressed storage would share equal ones). */
  private static byte[] png(int n) throws java.io.IOException {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
    img.setRGB(n % 40, (n / 40) % 20, 0xFFFFFF);
    img.setRGB(0, 0, n & 0xFFFFFF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  /** The proof of work the page's script finds: sha256(token:n) with the configured leading zero bits (1 here). */
  private static long solve(String token) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (long n = 0; ; n++) {
      byte[] h = sha.digest((token + ":" + n).getBytes(StandardCharsets.UTF_8));
      if ((h[0] & 0x80) == 0) {
        return n;
      }
    }
  }
}
