package org.disclosuredesk.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The doors an attacker with a user's password knocks on: our {@code /api} and {@code /engine-rest}
 * with HTTP Basic, and the Camunda webapps' session API ({@code /camunda/api/engine/engine/default/…})
 * after signing in like a browser (login, then the rotated XSRF token: stack-notes P11).
 */
final class EngineDoors {

  /** An answer: status and body. */
  record Answer(int status, String body) {}

  private final String base;

  EngineDoors(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A client speaking as one user through one door. */
  interface Door {
    Answer send(String method, String path, String json);

    String name();
  }

  /** {@code /engine-rest} (paths relative to it) or {@code /api} with HTTP Basic. */
  Door basic(String user, String prefix) {
    HttpClient http = HttpClient.newHttpClient();
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return new Door() {
      @Override
      public Answer send(String method, String path, String json) {
        return exchange(http, base + prefix + path, method, json, "Authorization", auth);
      }

      @Override
      public String name() {
        return user + "@" + prefix;
      }
    };
  }

  Door engineRest(String user) {
    return basic(user, "/engine-rest");
  }

  /** A browser session signed in to a webapp ({@code tasklist}, {@code cockpit}, {@code admin}). */
  Session webapp(String user, String app) {
    return new Session(user, app);
  }

  final class Session implements Door {
    final HttpClient http;
    final CookieManager cookies = new CookieManager();
    private final String user;
    private String xsrf;

    Session(String user, String app) {
      this.user = user;
      this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
      HttpResponse<String> page = raw("GET", base + "/camunda/app/" + app + "/default/", null, null);
      xsrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
      HttpResponse<String> login = raw("POST", base + "/camunda/api/admin/auth/user/default/login/" + app,
          "username=" + user + "&password=" + user, "application/x-www-form-urlencoded");
      if (login.statusCode() != 200) {
        throw new AssertionError(user + " cannot sign in to " + app + ": " + login.statusCode() + " " + login.body());
      }
      // the login rotated the session: one GET fetches the new token
      HttpResponse<String> after = raw("GET", base + "/camunda/api/admin/auth/user/default", null, null);
      xsrf = after.headers().firstValue("X-XSRF-TOKEN").orElse(xsrf);
    }

    @Override
    public Answer send(String method, String path, String json) {
      HttpResponse<String> r = raw(method, base + "/camunda/api/engine/engine/default" + path, json, "application/json");
      return new Answer(r.statusCode(), r.body());
    }

    /** Any URL of the application within this session. */
    Answer get(String path) {
      HttpResponse<String> r = raw("GET", base + path, null, null);
      return new Answer(r.statusCode(), r.body());
    }

    String sessionId() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
          .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    @Override
    public String name() {
      return user + "@webapp";
    }

    private HttpResponse<String> raw(String method, String url, String body, String contentType) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      if (xsrf != null) {
        b.header("X-XSRF-TOKEN", xsrf);
      }
      try {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrf = t);
        return r;
      } catch (IOException e) {
        throw new AssertionError(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static Answer exchange(HttpClient http, String url, String method, String json, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
