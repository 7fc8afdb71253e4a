package org.disclosuredesk.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP against a node, as a demo user (password = user id), with timeouts: a node that is killed or
 * waiting for its database answers status -1 (no answer) instead of hanging the test.
 */
final class NodeClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  NodeClient(String base) {
    this.base = base;
  }

  /** A status (-1: no answer) and the body. */
  record Answer(int status, String body, long millis) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  Answer get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer post(String user, String path, String json) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json"));
  }

  Answer put(String user, String path, String json) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json"));
  }

  private Answer send(String user, HttpRequest.Builder b) {
    b.timeout(TIMEOUT).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    long started = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body(), (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      return new Answer(-1, e.toString(), (System.nanoTime() - started) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "interrupted", (System.nanoTime() - started) / 1_000_000);
    }
  }
}
