package org.disclosuredesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.disclosuredesk.documents.ScannedPdf;
import org.disclosuredesk.route.RequestJson;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13's benchmark: a scanned PDF (image-only pages, A4 at 200 dpi, as a copier's scan) uploaded by reception
 * over {@code POST /api/requests/{n}/documents} and redacted by the department's officer over
 * {@code POST …/documents/{id}/redactions} with two areas on every page, on PostgreSQL. Once with
 * {@code bench.smallScanPages} (10) pages, once with {@code bench.scanPages} (50): the time of each step and the heap in
 * use while it runs; then both again, untimed, collecting every 200 ms to read what they hold (the live heap), so
 * that the two sizes show whether memory grows with the document or stays per page.
 *
 * <pre>./mvnw -Pbench verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DocumentsBenchmark</pre>
 */
class DocumentsBenchmark {

  static final int PAGES = Integer.getInteger("bench.scanPages", 50);
  static final int SMALL = Integer.getInteger("bench.smallScanPages", 10);
  static final int DPI = 200;

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<String> rows = new ArrayList<>();

  record Run(int pages, long bytes, double uploadSeconds, double redactionSeconds, double heapMB, long redactedBytes,
      int redactedPages) {}

  @Test
  void run() throws Exception {
    BenchProbe probe = new BenchProbe();
    String db = probe.createDatabase("docs");
    ConfigurableApplicationContext app = null;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      app = BenchProbe.startApplication(db);
      String base = "http://127.0.0.1:" + BenchProbe.port(app);
      String today = LocalDate.now(app.getBean(java.time.Clock.class)).toString();
      HttpClient http = BenchHttp.client(threads, false);
      // a warm-up round of the small size: the JIT and the PDF libraries' first use are not measured
      measure(http, base, today, ScannedPdf.scan(SMALL, DPI), false);
      Run small = measure(http, base, today, ScannedPdf.scan(SMALL, DPI), false);
      Run large = measure(http, base, today, ScannedPdf.scan(PAGES, DPI), false);
      // the same again, not timed, for the memory each holds
      double smallLive = measure(http, base, today, ScannedPdf.scan(SMALL, DPI), true).heapMB();
      double largeLive = measure(http, base, today, ScannedPdf.scan(PAGES, DPI), true).heapMB();
      figures.put("liveHeapPeakAboveBase" + SMALL + "PagesMB", smallLive);
      figures.put("liveHeapPeakAboveBase" + PAGES + "PagesMB", largeLive);
      for (Run r : List.of(small, large)) {
        String k = r.pages() + "Pages";
        figures.put("scan" + k + "MB", r.bytes() / 1048576.0);
        figures.put("upload" + k + "Seconds", r.uploadSeconds());
        figures.put("redaction" + k + "Seconds", r.redactionSeconds());
        figures.put("heapInUsePeakAboveBase" + k + "MB", r.heapMB());
        figures.put("redacted" + k + "MB", r.redactedBytes() / 1048576.0);
      }
      assertThat(large.redactedPages()).isEqualTo(PAGES);
      double total = large.uploadSeconds() + large.redactionSeconds();
      rows.add(String.format(Locale.ROOT, "%-58s %8.1f  ≤ %6d  %s", "upload + redaction of " + PAGES + " scanned pages (s)",
          total, 10, total <= 10 ? "PASS" : "MISS"));
      // bounded: what the upload and redaction hold (live, after full collections) does not grow with the pages
      double floor = Math.max(smallLive, 16);
      rows.add(String.format(Locale.ROOT, "%-58s %8.1f  ≤ %6.1f  %s",
          "live heap, " + PAGES + " pages (MB above before; " + SMALL + " pages: "
              + String.format(Locale.ROOT, "%.1f", smallLive) + ")", largeLive, 2 * floor,
          largeLive <= 2 * floor ? "PASS" : "MISS"));
    } finally {
      threads.shutdownNow();
      if (app != null) {
        app.close();
      }
      probe.dropDatabase(db);
      probe.close();
    }
    StringBuilder out = new StringBuilder("\n=== Documents benchmark: scanned PDFs at " + DPI + " dpi, PostgreSQL, "
        + Runtime.getRuntime().availableProcessors() + " cores, max heap "
        + Runtime.getRuntime().maxMemory() / 1048576 + " MB ===\n");
    figures.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%-36s %s%n", k,
        v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v)));
    rows.forEach(r -> out.append(r).append('\n'));
    System.out.println(out);
  }

  /** One case: registered with the planning department, the scan uploaded by reception, redacted by its officer. */
  private Run measure(HttpClient http, String base, String today, byte[] pdf, boolean live) throws Exception {
    BenchHttp.Api reception = new BenchHttp.Api(http, base, "reception");
    String body = RequestJson.WALK_IN.replace("2026-03-02", today).replace("\"delivery\":\"PICKUP\"",
        "\"delivery\":\"PICKUP\",\"department\":\"planning\"");
    String caseNumber = reception.post("/api/requests", body, 201).path("caseNumber").asText();
    int pages;
    try (PDDocument d = Loader.loadPDF(pdf)) {
      pages = d.getNumberOfPages();
    }
    HeapPeak heap = new HeapPeak(live);
    heap.start();
    long t0 = System.nanoTime();
    JsonNode uploaded = upload(http, base, "reception", caseNumber, "扫描件.pdf", pdf);
    double upload = (System.nanoTime() - t0) / 1e9;
    StringBuilder areas = new StringBuilder("{\"areas\":[");
    for (int p = 1; p <= pages; p++) {
      areas.append(p == 1 ? "" : ",").append("{\"page\":").append(p)
          .append(",\"x\":0.1,\"y\":0.1,\"width\":0.5,\"height\":0.03,\"unit\":\"fraction\",\"ground\":\"THIRD_PARTY_RIGHTS\"},")
          .append("{\"page\":").append(p)
          .append(",\"x\":0.2,\"y\":0.6,\"width\":0.6,\"height\":0.05,\"unit\":\"fraction\",\"ground\":\"PROCESS_INFO\"}");
    }
    areas.append("]}");
    long t1 = System.nanoTime();
    JsonNode redacted = new BenchHttp.Api(http, base, "officer-planning").post(
        "/api/requests/" + caseNumber + "/documents/" + uploaded.path("id").asLong() + "/redactions", areas.toString(), 201);
    double redaction = (System.nanoTime() - t1) / 1e9;
    double peak = heap.stop();
    int redactedPages;
    try (PDDocument d = Loader.loadPDF(download(http, base, caseNumber, redacted.path("id").asLong()))) {
      redactedPages = d.getNumberOfPages();
    }
    return new Run(pages, pdf.length, upload, redaction, peak, redacted.path("size").asLong(), redactedPages);
  }

  private static JsonNode upload(HttpClient http, String base, String user, String caseNumber, String name, byte[] content)
      throws Exception {
    String boundary = "dd-bench-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nRESPONSIVE\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/requests/" + caseNumber + "/documents"))
        .header("Authorization", basic(user)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("upload → " + r.statusCode() + " " + r.body());
    }
    return BenchHttp.JSON.readTree(r.body());
  }

  private static byte[] download(HttpClient http, String base, String caseNumber, long id) throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/requests/" + caseNumber
        + "/documents/" + id)).header("Authorization", basic("officer-planning")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The heap while a step runs, above the heap in use before it (after a GC). Timed runs sample the heap in use
   * every 5 ms (garbage included: it follows the young generation's size more than the work). Memory runs, not
   * timed, collect every 200 ms and read the heap after each full collection: what the step holds (its live set).
   */
  static final class HeapPeak {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final boolean live;
    private volatile boolean running;
    private Thread thread;
    private long base;

    HeapPeak(boolean live) {
      this.live = live;
    }

    void start() {
      System.gc();
      base = memory.getHeapMemoryUsage().getUsed();
      running = true;
      thread = new Thread(() -> {
        while (running) {
          if (live) {
            System.gc();
          }
          peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(live ? 200 : 5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-peak");
      thread.setDaemon(true);
      thread.start();
    }

    /** Stops sampling; the peak above the heap in use before the step, in MB. */
    double stop() throws InterruptedException {
      running = false;
      thread.join();
      return Math.max(0, peak.get() - base) / 1048576.0;
    }
  }

}
