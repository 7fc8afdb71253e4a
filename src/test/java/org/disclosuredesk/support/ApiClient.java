package org.disclosuredesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for API tests: basic auth, JSON in and out, any status. */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  /** Users whose password is not their id (the demo users' is). */
  private final java.util.Map<String, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response: status and body (parsed as JSON when it is JSON). */
  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The field names of a {"errors":[…]} body. */
    public java.util.List<String> errorFields() {
      java.util.List<String> fields = new java.util.ArrayList<>();
      json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      return fields;
    }
  }

  /** This user signs in with this password (Camunda's password policy refuses one equal to the id). */
  public ApiClient password(String user, String password) {
    passwords.put(user, password);
    return this;
  }

  public Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
  }

  public Response post(String user, String path, String json, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(user, b, null);
  }

  public Response put(String user, String path, String contentType, byte[] body) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType), null);
  }

  private Response send(String user, HttpRequest.Builder b, Void unused) {
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + passwords.getOrDefault(user, user)).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
