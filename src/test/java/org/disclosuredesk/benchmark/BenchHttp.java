package org.disclosuredesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The benchmark's HTTP clients: our API with HTTP Basic, and a Tasklist user's webapp session. */
final class BenchHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  private BenchHttp() {}

  static HttpClient client(ExecutorService executor, boolean cookies) {
    HttpClient.Builder b = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1);
    if (cookies) {
      b.cookieHandler(new CookieManager());
    }
    return b.build();
  }

  /** Our /api with HTTP Basic per request (reception's desk software, the portal). */
  static final class Api {
    private final HttpClient http;
    private final String base;
    private final String authorization;

    Api(HttpClient http, String base, String user) {
      this.http = http;
      this.base = base;
      this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode post(String path, String body, int expected) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return check(r, expected, path);
    }

    String getText(String path) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " → " + r.statusCode() + " " + r.body());
      }
      return r.body();
    }
  }

  /** A Tasklist user: the webapp's own login (session + XSRF token, stack-notes P11) and the calls Tasklist makes. */
  static final class TasklistSession {
    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private final HttpClient http;
    private final String base;
    final String user;
    private String xsrf;

    TasklistSession(HttpClient http, String base, String user) throws Exception {
      this.http = http;
      this.base = base;
      this.user = user;
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
          HttpResponse.BodyHandlers.ofString());
      xsrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() -> new IllegalStateException("no XSRF token"));
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException("login " + user + " → " + login.statusCode());
      }
      // the login rotated the session: one GET hands out the new token
      get("/camunda/api/admin/auth/user/default");
    }

    JsonNode get(String path) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
          .header("X-XSRF-TOKEN", xsrf).GET().build(), HttpResponse.BodyHandlers.ofString());
      r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrf = t);
      return check(r, 200, path);
    }

    JsonNode post(String path, Object body, int expected) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json").header("Accept", "application/json").header("X-XSRF-TOKEN", xsrf)
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrf = t);
      return check(r, expected, path);
    }

    /** Tasklist's start form: submit-form on the definition with a business key. */
    void start(String processKey, String businessKey, Map<String, Object> variables) throws Exception {
      ObjectNode body = JSON.createObjectNode();
      body.put("businessKey", businessKey);
      body.set("variables", variables(variables));
      post(ENGINE + "/process-definition/key/" + processKey + "/submit-form", body, 200);
    }

    /** One task as Tasklist works it: find it, claim it, open its form, submit the form. */
    void work(String businessKey, String taskKey, Map<String, Object> formValues) throws Exception {
      JsonNode tasks = get(ENGINE + "/task?processInstanceBusinessKey=" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8)
          + "&taskDefinitionKey=" + taskKey);
      if (tasks.size() != 1) {
        throw new IllegalStateException(user + ": " + tasks.size() + " tasks " + taskKey + " for " + businessKey);
      }
      String id = tasks.get(0).path("id").asText();
      post(ENGINE + "/task/" + id + "/claim", Map.of("userId", user), 204);
      get(ENGINE + "/task/" + id + "/form-variables");
      ObjectNode body = JSON.createObjectNode();
      body.set("variables", variables(formValues));
      post(ENGINE + "/task/" + id + "/submit-form", body, 204);
    }

    private static ObjectNode variables(Map<String, Object> values) {
      ObjectNode vars = JSON.createObjectNode();
      values.forEach((k, v) -> {
        ObjectNode value = vars.putObject(k);
        value.put("value", v.toString());
        value.put("type", "String");
      });
      return vars;
    }
  }

  private static JsonNode check(HttpResponse<String> r, int expected, String path) throws Exception {
    if (r.statusCode() != expected) {
      throw new IllegalStateException(r.request().method() + " " + path + " → " + r.statusCode() + " " + r.body());
    }
    return r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}
