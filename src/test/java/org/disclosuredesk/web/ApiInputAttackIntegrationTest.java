package org.disclosuredesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Attack on {@code /api} with bad input through every part of a request: wrong types for every field
 * of {@code POST /api/requests}, surrogates and control characters, huge values, bad headers and
 * Idempotency-Keys, wrong content types, cross-site POSTs, wrong and revoked keys, a service account's
 * password. Every answer must be a refusal below 500, and nothing may change: no case in the register,
 * no route started. Service accounts may not use passwords here (as outside the demo).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "disclosure.security.service-accounts-basic=false", "spring.mail.host=127.0.0.1", "spring.mail.port=9",
    "management.prometheus.metrics.export.enabled=true"})
@ActiveProfiles("test")
class ApiInputAttackIntegrationTest {

  static final String KEY = "ddk_demo-portal-key-only-for-the-demo";
  static final ObjectMapper JSON = new ObjectMapper();
  /** Writes every non-ASCII character as a \\uXXXX escape, so that lone surrogates reach the server as sent. */
  static final ObjectMapper ESCAPING = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService history;

  final HttpClient http = HttpClient.newHttpClient();
  final Map<String, Integer> answers = new LinkedHashMap<>();
  final List<String> notJson = new ArrayList<>();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    jdbc.sql("delete from dd_sign_in_failure").update();
  }

  long cases() {
    return jdbc.sql("select count(*) from dd_case").query(Long.class).single();
  }

  long routes() {
    return history.createHistoricProcessInstanceQuery().count();
  }

  /** The valid body with one field (a JSON path such as applicant.name) replaced by a raw JSON value. */
  static String with(String field, String rawJson) throws IOException {
    var body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(RequestJson.WALK_IN);
    var target = body;
    String[] parts = field.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      target = (com.fasterxml.jackson.databind.node.ObjectNode) target.get(parts[i]);
    }
    target.set(parts[parts.length - 1], JSON.readTree(rawJson));
    return ESCAPING.writeValueAsString(body);
  }

  void send(String name, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    record(name, r.statusCode(), r.body());
  }

  void record(String name, int status, String body) {
    assertThat(answers).as("distinct inputs").doesNotContainKey(name);
    answers.put(name, status);
    if (!body.startsWith("{\"errors\":[")) {
      notJson.add(name + " → " + status + " " + body.substring(0, Math.min(80, body.length())));
    }
  }

  HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  HttpRequest.Builder asPortal(String body) {
    return post("/api/requests", body).header("X-API-Key", KEY).header("Content-Type", "application/json");
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A request written byte by byte, for what the HTTP client refuses to send. The server may answer and
   * close before it has read all of a refused request (the client then sees a broken pipe or a reset):
   * what came back counts, and a request that got no answer at all is sent again (at most three times).
   */
  void raw(String name, byte[] head, String body) throws IOException {
    String answer = "";
    for (int attempt = 0; attempt < 3 && answer.isEmpty(); attempt++) {
      answer = exchange(head, body);
    }
    assertThat(answer).as(name + ": no answer in three attempts").isNotEmpty();
    int status = Integer.parseInt(answer.substring(9, 12));
    int bodyStart = answer.indexOf("\r\n\r\n");
    String responseBody = bodyStart < 0 ? "" : answer.substring(bodyStart + 4);
    if (answer.toLowerCase().contains("transfer-encoding: chunked") && responseBody.contains("\r\n")) {
      responseBody = responseBody.substring(responseBody.indexOf("\r\n") + 2);
    }
    record(name, status, responseBody);
  }

  private String exchange(byte[] head, String body) throws IOException {
    try (Socket s = new Socket("localhost", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try {
        out.write(head);
        out.write(("Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
      } catch (java.net.SocketException closed) {
        // refused before the whole request was read: read what the server answered
      }
      try {
        s.getInputStream().transferTo(all);
      } catch (java.net.SocketException reset) {
        // the server may close before reading all of a refused request: what came back counts
      }
      return all.toString(StandardCharsets.UTF_8);
    }
  }

  byte[] head(String requestLine, String... headerLines) {
    StringBuilder h = new StringBuilder(requestLine).append("\r\nHost: localhost:").append(port).append("\r\n");
    for (String line : headerLines) {
      h.append(line).append("\r\n");
    }
    return h.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  @Test
  void badInputIsRefusedWithoutA500AndChangesNothing() throws Exception {
    RouteTestSupport.at("2026-03-02T09:00");
    long casesBefore = cases();
    long routesBefore = routes();

    // Wrong types for every field of POST /api/requests
    List<String> fields = List.of("channel", "receivedOn", "description", "purpose", "format", "delivery", "department",
        "applicant", "applicant.type", "applicant.name", "applicant.idType", "applicant.idNumber", "applicant.phone",
        "applicant.email", "applicant.address", "applicant.contactPerson");
    List<String> wrongValues = List.of("1", "0", "true", "1.5", "[]", "{}", "[\"IN_PERSON\"]");
    for (String field : fields) {
      for (String value : wrongValues) {
        send("type " + field + "=" + value, asPortal(with(field, value)));
      }
    }
    // Wrong values
    Map<String, String> values = new LinkedHashMap<>();
    values.put("channel", "\"letter\"");
    values.put("format", "\"\"");
    values.put("delivery", "\"PIGEON\"");
    values.put("receivedOn", "\"2026-13-45\"");
    values.put("receivedOn ", "\"02/03/2026\"");
    values.put("receivedOn  ", "\"2099-01-01\"");
    values.put("receivedOn   ", "\"\"");
    values.put("applicant.idNumber", "\"110105194912310022\"");
    values.put("applicant.idNumber ", "\"11010519491231002X\\u0000\"");
    values.put("applicant.email", "\"not-an-address\"");
    values.put("applicant.name", "\"\\ud800\"");
    values.put("applicant.name ", "\"张\\udc00三\"");
    values.put("applicant.name  ", "\"张三\\u0007\"");
    values.put("applicant.name   ", "\"张三\\u001b[31m\"");
    values.put("applicant.name    ", "\"张三\\u0085\"");
    values.put("applicant.name     ", "\"" + "张".repeat(10_000) + "\"");
    values.put("applicant.name      ", "\"   \"");
    values.put("description", "\"\\ud83d\"");
    values.put("description ", "\"" + "x".repeat(5_000) + "\"");
    values.put("description  ", "\"\\u0000\"");
    // " finance " is normalised to finance everywhere (accepted); a code with a space inside is not one
    values.put("department", "\"fin ance\"");
    values.put("department ", "\"no-such-department\"");
    values.put("purpose", "\"\\uffff\"");
    for (var e : values.entrySet()) {
      send("value " + e.getKey() + "=" + e.getValue().substring(0, Math.min(30, e.getValue().length())),
          asPortal(with(e.getKey().trim(), e.getValue())));
    }
    // Bodies that are not a registration
    for (String body : List.of("", "null", "[]", "\"text\"", "42", "{", "{\"channel\":", "{}",
        RequestJson.WALK_IN + " trailing", RequestJson.WALK_IN.replace("\"purpose\"", "\"unknownField\":1,\"purpose\""),
        "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]", "{\"description\":\"" + "x".repeat(300_000) + "\"}",
        RequestJson.WALK_IN.replace("\"channel\":\"IN_PERSON\"", "\"channel\":\"IN_PERSON\",\"channel\":\"LETTER\""))) {
      send("body " + body.substring(0, Math.min(40, body.length())) + " #" + body.length(), asPortal(body));
    }
    // Wrong content types
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/xml", "text/calendar")) {
      send("content type " + type, post("/api/requests", RequestJson.WALK_IN).header("X-API-Key", KEY)
          .header("Content-Type", type));
    }
    send("content type missing", post("/api/requests", RequestJson.WALK_IN).header("X-API-Key", KEY));
    // Cross-site POSTs with credentials a browser could have cached
    for (String origin : List.of("https://evil.example", "null", "http://localhost:1", "http://localhost." + port)) {
      send("origin " + origin, post("/api/requests", RequestJson.WALK_IN).header("Content-Type", "application/json")
          .header("Authorization", basic("reception", "reception")).header("Origin", origin));
    }
    send("referer cross-site", post("/api/requests", RequestJson.WALK_IN).header("Content-Type", "application/json")
        .header("Authorization", basic("reception", "reception")).header("Referer", "https://evil.example/form.html"));
    send("cross-site form post", post("/api/requests/GK-2026-00001/withdrawal", "note=x")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", basic("reception", "reception")).header("Origin", "https://evil.example"));
    send("cross-site year lock", post("/api/reports/annual/2025/lock", "{}").header("Content-Type", "text/plain")
        .header("Authorization", basic("admin", "admin")).header("Origin", "https://evil.example"));
    // Wrong, revoked and malformed keys and credentials
    String revoked = issueAndRevokeKey();
    for (String key : List.of("ddk_wrong", "", " ", "x".repeat(1_000), revoked, KEY + "x", KEY.toUpperCase())) {
      send("key #" + key.hashCode(), post("/api/requests", RequestJson.WALK_IN).header("Content-Type", "application/json")
          .header("X-API-Key", key));
    }
    send("key and basic", asPortal(RequestJson.WALK_IN).header("Authorization", basic("reception", "reception")));
    for (String auth : List.of("Basic !!!", "Bearer abc", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()),
        basic("portal", "portal"), basic("reception", "wrong"), basic("", ""), "Basic")) {
      send("authorization " + auth, post("/api/requests", RequestJson.WALK_IN).header("Content-Type", "application/json")
          .header("Authorization", auth));
    }
    // Bad Idempotency-Keys
    for (String key : List.of("has space", "x".repeat(65), "\t")) {
      send("idempotency " + key.substring(0, Math.min(10, key.length())) + key.length(),
          asPortal(RequestJson.WALK_IN).header("Idempotency-Key", key));
    }
    raw("idempotency utf-8 bytes", concat(head("POST /api/requests HTTP/1.1", "X-API-Key: " + KEY,
        "Content-Type: application/json"), "Idempotency-Key: ".getBytes(StandardCharsets.ISO_8859_1),
        "中文键".getBytes(StandardCharsets.UTF_8), "\r\n".getBytes(StandardCharsets.ISO_8859_1)), RequestJson.WALK_IN);
    raw("idempotency latin-1 bytes", head("POST /api/requests HTTP/1.1", "X-API-Key: " + KEY,
        "Content-Type: application/json", "Idempotency-Key: \u00fcn\u00efcode"), RequestJson.WALK_IN);
    send("utf-8 encoded lone surrogate", post("/api/requests", "").header("X-API-Key", KEY)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(concat(
            RequestJson.WALK_IN.substring(0, RequestJson.WALK_IN.indexOf("张三")).getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            RequestJson.WALK_IN.substring(RequestJson.WALK_IN.indexOf("张三") + 2).getBytes(StandardCharsets.UTF_8)))));
    send("invalid utf-8", post("/api/requests", "").header("X-API-Key", KEY)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(concat(
            RequestJson.WALK_IN.substring(0, RequestJson.WALK_IN.indexOf("张三")).getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            RequestJson.WALK_IN.substring(RequestJson.WALK_IN.indexOf("张三") + 2).getBytes(StandardCharsets.UTF_8)))));
    raw("idempotency control char", head("POST /api/requests HTTP/1.1", "X-API-Key: " + KEY,
        "Content-Type: application/json", "Idempotency-Key: a\u0001b"), RequestJson.WALK_IN);
    raw("idempotency C1 char", head("POST /api/requests HTTP/1.1", "X-API-Key: " + KEY,
        "Content-Type: application/json", "Idempotency-Key: a\u0085b"), RequestJson.WALK_IN);
    raw("api key utf-8 bytes", concat(head("POST /api/requests HTTP/1.1", "Content-Type: application/json"),
        "X-API-Key: ".getBytes(StandardCharsets.ISO_8859_1), "密钥".getBytes(StandardCharsets.UTF_8),
        "\r\n".getBytes(StandardCharsets.ISO_8859_1)), RequestJson.WALK_IN);
    // Oversized headers and request lines
    raw("oversized header", head("POST /api/requests HTTP/1.1", "X-API-Key: " + KEY, "Content-Type: application/json",
        "X-Filler: " + "a".repeat(20_000)), RequestJson.WALK_IN);
    raw("many headers", head("POST /api/requests HTTP/1.1", java.util.stream.IntStream.range(0, 400)
        .mapToObj(i -> "X-H" + i + ": " + "b".repeat(60)).toArray(String[]::new)), RequestJson.WALK_IN);
    raw("oversized url", head("GET /api/requests/" + "9".repeat(20_000) + " HTTP/1.1", "X-API-Key: " + KEY), "");
    raw("malformed request line", head("POST /api/requests HTTP/1.1 extra", "X-API-Key: " + KEY), RequestJson.WALK_IN);
    // Paths and methods
    send("path traversal", HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests/..%2F..%2Fadmin"))
        .header("X-API-Key", KEY).GET());
    send("encoded nul", HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests/GK%00"))
        .header("X-API-Key", KEY).GET());
    send("unknown case", HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests/%3Cscript%3E"))
        .header("X-API-Key", KEY).GET());
    send("put registration", HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
        .header("X-API-Key", KEY).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(RequestJson.WALK_IN)));
    send("portal lists keys", HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/api-keys"))
        .header("X-API-Key", KEY).GET());
    send("portal issues a key", post("/api/admin/api-keys", "{\"account\":\"portal\",\"label\":\"x\"}")
        .header("X-API-Key", KEY).header("Content-Type", "application/json"));

    // Then: every answer a refusal below 500, and nothing changed
    long fiveHundreds = answers.values().stream().filter(s -> s >= 500).count();
    System.out.println("API bad inputs: " + answers.size() + " tried, " + fiveHundreds + " ≥ 500");
    answers.forEach((name, status) -> {
      if (status < 400 || status >= 500) {
        System.out.println("  not refused as expected: " + name + " → " + status);
      }
    });
    notJson.forEach(n -> System.out.println("  not JSON: " + n));
    assertThat(answers.size()).isGreaterThanOrEqualTo(100);
    assertThat(answers).allSatisfy((name, status) -> assertThat(status).as(name).isBetween(400, 499));
    assertThat(notJson).as("answers not in the API's error format").isEmpty();
    assertThat(cases()).isEqualTo(casesBefore);
    assertThat(routes()).isEqualTo(routesBefore);
  }

  String issueAndRevokeKey() throws Exception {
    HttpResponse<String> issued = http.send(post("/api/admin/api-keys", "{\"account\":\"portal\",\"label\":\"to revoke\"}")
        .header("Content-Type", "application/json").header("Authorization", basic("admin", "admin")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(issued.statusCode()).isEqualTo(201);
    var json = JSON.readTree(issued.body());
    HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/admin/api-keys/" + json.path("id").asText())).header("Authorization", basic("admin", "admin"))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(revoked.statusCode()).isEqualTo(204);
    return json.path("key").asText();
  }

  @Test
  void typedFieldsSayWhatIsExpectedInChinese() throws Exception {
    RouteTestSupport.at("2026-03-02T09:00");
    HttpResponse<String> channel = http.send(asPortal(with("channel", "1")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(channel.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(channel.body()).path("errors").get(0).path("field").asText()).isEqualTo("channel");
    assertThat(JSON.readTree(channel.body()).path("errors").get(0).path("message").asText()).contains("IN_PERSON");
    HttpResponse<String> name = http.send(asPortal(with("applicant.name", "123")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(name.body()).path("errors").get(0).path("field").asText()).isEqualTo("applicant.name");
    assertThat(JSON.readTree(name.body()).path("errors").get(0).path("message").asText()).contains("应为文本");
    HttpResponse<String> surrogate = http.send(asPortal(with("applicant.name", "\"\\ud800\"")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(surrogate.body()).path("errors").get(0).path("message").asText()).contains("代理字符");
    HttpResponse<String> crossSite = http.send(post("/api/requests", RequestJson.WALK_IN)
        .header("Content-Type", "application/json").header("Authorization", basic("reception", "reception"))
        .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(crossSite.body()).path("errors").get(0).path("field").asText()).isEqualTo("Origin");
    // our own pages may post: same origin is accepted
    HttpResponse<String> sameSite = http.send(post("/api/requests", RequestJson.WALK_IN)
        .header("Content-Type", "application/json").header("Authorization", basic("reception", "reception"))
        .header("Origin", "http://localhost:" + port).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sameSite.statusCode()).isEqualTo(201);
  }
}
