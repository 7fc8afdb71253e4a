package org.disclosuredesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.disclosuredesk.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A clerk signed in to Tasklist opens the case's letters from a task form, but cannot write with that session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappSessionIntegrationTest {

  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void aRefusedStartFormSpeaksPlainChinese() throws Exception {
    HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/engine-rest/process-definition/key/disclosureRequest/submit-form"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("reception:reception".getBytes()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"variables":{"channel":{"value":"IN_PERSON"},"applicantType":{"value":"NATURAL_PERSON"},
             "applicantName":{"value":"王五"},"idType":{"value":"RESIDENT_ID"},"idNumber":{"value":"110105194912310021"},
             "phone":{"value":"13900000000"},"description":{"value":"某文件"},"format":{"value":"PAPER"},
             "delivery":{"value":"PICKUP"}}}""")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body()).path("message").asText())
        .startsWith("请更正以下内容：").contains("证件号码").doesNotContain("Cannot instantiate");
  }

  @Test
  void aTasklistSessionReadsLettersButNeverWrites() throws Exception {
    RouteTestSupport.at("2026-03-02T09:00");
    String caseNumber = new ApiClient(port).post("reception", "/api/requests", RequestJson.WALK_IN)
        .json().path("caseNumber").asText();
    String base = "http://localhost:" + port;
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    // Given reception signed in to Tasklist (the webapp's own login, with its CSRF token)
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String xsrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=reception&password=reception")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);

    // Then the receipt opens from a task form without another sign-in
    HttpResponse<String> receipt = browser.send(HttpRequest.newBuilder(
        URI.create(base + "/api/requests/" + caseNumber + "/receipt")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(receipt.body()).contains(caseNumber, "申请接收回执");

    // But the session cookie does not register anything
    HttpResponse<String> write = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/requests"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(RequestJson.WALK_IN))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isEqualTo(401);

    // And without a session the receipt needs credentials
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(base + "/api/requests/" + caseNumber + "/receipt")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
