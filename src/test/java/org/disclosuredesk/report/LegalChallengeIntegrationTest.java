package org.disclosuredesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.casefile.ApplicantType;
import org.disclosuredesk.casefile.CaseRegister;
import org.disclosuredesk.casefile.Outcome;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** {@code /api/requests/{caseNumber}/legal-challenges}: record, update, conclude; counted in table 四. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class LegalChallengeIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired CaseRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  final ObjectMapper json = new ObjectMapper();
  String caseNumber;

  @BeforeEach
  void givenACaseAnsweredIn2025() {
    RegisterFixture.pinToday(RegisterFixture.TODAY);
    RegisterFixture cases = new RegisterFixture(register, jdbc);
    cases.clean(runtime);
    caseNumber = cases.received(ApplicantType.NATURAL_PERSON, LocalDate.of(2025, 3, 3));
    cases.close(caseNumber, Outcome.NOT_EXIST, LocalDate.of(2025, 3, 28));
  }

  @AfterEach
  void resetClock() {
    RegisterFixture.resetClock();
  }

  @Test
  void recordUpdateAndConcludeAndTable4CountsThem() throws Exception {
    // When a supervisor records a reconsideration and a direct lawsuit
    ResponseEntity<String> created = send("supervisor", HttpMethod.POST, base(),
        Map.of("kind", "RECONSIDERATION", "filedOn", "2025-04-10"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode reconsideration = json.readTree(created.getBody());
    assertThat(reconsideration.get("result").asText()).isEqualTo("PENDING");
    assertThat(created.getHeaders().getLocation().getPath()).endsWith("/legal-challenges/" + reconsideration.get("id").asLong());
    send("admin", HttpMethod.POST, base(), Map.of("kind", "LITIGATION_DIRECT", "filedOn", "2025-05-06",
        "note", "（2025）示行初字第12号"));

    // and concludes the reconsideration: corrected
    ResponseEntity<String> concluded = send("supervisor", HttpMethod.PUT, base() + "/" + reconsideration.get("id").asLong(),
        Map.of("kind", "RECONSIDERATION", "filedOn", "2025-04-10", "result", "CORRECTED", "concludedOn", "2025-06-30"));
    assertThat(concluded.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(concluded.getBody()).get("result").asText()).isEqualTo("CORRECTED");

    // Then the case lists both, the timeline has them, and table 四 of 2025 counts them
    JsonNode list = json.readTree(rest.withBasicAuth("supervisor", "supervisor").getForObject(base(), String.class));
    assertThat(list).hasSize(2);
    assertThat(register.timeline("default", caseNumber)).extracting(e -> e.kind())
        .contains("LEGAL_CHALLENGE_RECORDED", "LEGAL_CHALLENGE_UPDATED");
    JsonNode table4 = json.readTree(rest.withBasicAuth("supervisor", "supervisor")
        .getForObject("/api/reports/annual/2025", String.class)).get("table4");
    assertThat(values(table4.get("rows").get(0))).containsExactly(0, 1, 0, 0, 1);
    assertThat(values(table4.get("rows").get(1))).containsExactly(0, 0, 0, 1, 1);
    assertThat(values(table4.get("rows").get(2))).containsExactly(0, 0, 0, 0, 0);
  }

  @Test
  void invalidInputIsAFieldError() throws Exception {
    assertThat(fields(send("supervisor", HttpMethod.POST, base(), Map.of("filedOn", "2025-04-10"))))
        .containsExactly("kind");
    assertThat(fields(send("supervisor", HttpMethod.POST, base(), Map.of("kind", "RECONSIDERATION",
        "filedOn", "2025-04-10", "result", "MAINTAINED")))).containsExactly("concludedOn");
    assertThat(fields(send("supervisor", HttpMethod.POST, base(), Map.of("kind", "RECONSIDERATION",
        "filedOn", "2025-01-01")))).containsExactly("filedOn");
    assertThat(fields(send("supervisor", HttpMethod.POST, base(), Map.of("kind", "APPEAL",
        "filedOn", "2025-04-10")))).containsExactly("kind");
    assertThat(fields(send("supervisor", HttpMethod.POST, base(), Map.of("kind", "RECONSIDERATION",
        "filedOn", "2030-01-01")))).containsExactly("filedOn");
  }

  @Test
  void officersMayNotAndUnknownCasesAndChallengesAre404() {
    assertThat(send("officer-planning", HttpMethod.POST, base(), Map.of("kind", "RECONSIDERATION",
        "filedOn", "2025-04-10")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send("reception", HttpMethod.GET, base(), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send("supervisor", HttpMethod.POST, "/api/requests/GK-2025-99999/legal-challenges",
        Map.of("kind", "RECONSIDERATION", "filedOn", "2025-04-10")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(send("supervisor", HttpMethod.PUT, base() + "/424242",
        Map.of("kind", "RECONSIDERATION", "filedOn", "2025-04-10")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  String base() {
    return "/api/requests/" + caseNumber + "/legal-challenges";
  }

  ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  List<String> fields(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = new ArrayList<>();
    json.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }

  static List<Integer> values(JsonNode row) {
    List<Integer> values = new ArrayList<>();
    row.get("values").forEach(v -> values.add(v.asInt()));
    return values;
  }
}
