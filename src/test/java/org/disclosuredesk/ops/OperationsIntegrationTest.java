package org.disclosuredesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a deployment needs: health that stays UP while the mail server is unreachable (mail a detail),
 * liveness and readiness groups, Prometheus metrics for administrators only, and the browser-facing
 * headers of our pages (CSP, SameSite session cookie). The mail server here is a closed port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "disclosure.security.service-accounts-basic=false", "spring.mail.host=127.0.0.1", "spring.mail.port=9",
    "management.prometheus.metrics.export.enabled=true"})
@ActiveProfiles("test")
class OperationsIntegrationTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void healthStaysUpWhileTheMailServerIsUnreachable() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(health.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("components").path("mail").path("status").asText()).isEqualTo("WARNING");
    assertThat(body.path("components").path("db").path("status").asText()).isEqualTo("UP");
    // details (where the mail server is) only for signed-in users
    assertThat(body.path("components").path("mail").has("details")).isFalse();
    JsonNode detailed = JSON.readTree(get("/actuator/health", "admin").body());
    assertThat(detailed.path("components").path("mail").path("details").path("location").asText()).isEqualTo("127.0.0.1:9");

    HttpResponse<String> liveness = get("/actuator/health/liveness", null);
    HttpResponse<String> readiness = get("/actuator/health/readiness", null);
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(readiness.body()).path("status").asText()).isEqualTo("UP");
    assertThat(readiness.body()).doesNotContain("mail");
  }

  @Test
  void prometheusIsForAdministratorsAndCountsCasesByDepartment() throws Exception {
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "officer-planning").statusCode()).isEqualTo(403);
    assertThat(get("/actuator/prometheus", "supervisor").statusCode()).isEqualTo(403);

    // Given one more case, received 2026-03-02 (due 2026-03-30), looked at on 2026-06-01: open and overdue
    RouteTestSupport.at("2026-03-02T09:00");
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
        .header("X-API-Key", "ddk_demo-portal-key-only-for-the-demo").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(RequestJson.WALK_IN)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    RouteTestSupport.at("2026-06-01T09:00");

    HttpResponse<String> metrics = get("/actuator/prometheus", "admin");
    assertThat(metrics.statusCode()).isEqualTo(200);
    String text = metrics.body();
    assertThat(value(text, "disclosure_registrations_total")).isGreaterThanOrEqualTo(1);
    assertThat(value(text, "disclosure_cases_open{department=\"none\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(text, "disclosure_cases_overdue{department=\"none\"}")).isGreaterThanOrEqualTo(1);
    assertThat(text).contains("disclosure_cases_open{department=\"planning\"}", "disclosure_cases_overdue{department=\"finance\"}");
    // the registration's async steps wait for the (stopped) job executor: they are its backlog
    assertThat(value(text, "disclosure_jobs_due")).isGreaterThanOrEqualTo(1);
    assertThat(value(text, "disclosure_incidents")).isGreaterThanOrEqualTo(0);
  }

  static double value(String prometheus, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(prometheus);
    assertThat(m.find()).as(series + " in\n" + prometheus.lines().filter(l -> l.startsWith("disclosure")).toList()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void ourPagesHaveAContentSecurityPolicyAndASameSiteSessionCookie() throws Exception {
    HttpResponse<String> login = get("/supervision/login", null);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'", "script-src 'self' 'nonce-", "object-src 'none'",
            "frame-ancestors 'self'"));
    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c ->
        assertThat(c).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
    // the Camunda webapps keep their own policy (one header, theirs)
    HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", null);
    assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1)
        .allSatisfy(csp -> assertThat(csp).contains("'strict-dynamic'"));
  }
}
