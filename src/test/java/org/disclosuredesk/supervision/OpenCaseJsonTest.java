package org.disclosuredesk.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.disclosuredesk.supervision.SupervisionApiController.OpenCaseJson;
import org.junit.jupiter.api.Test;

/** The hand-written writer of a supervision list row gives what the bean serializer gave: same names, order, nulls. */
class OpenCaseJsonTest {

  /** Spring Boot's mapper for dates: ISO strings. */
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** The same fields through the bean serializer: a map in the record's order. */
  static String asBean(OpenCaseJson c) throws Exception {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (var component : OpenCaseJson.class.getRecordComponents()) {
      m.put(component.getName(), component.getAccessor().invoke(c));
    }
    return JSON.writeValueAsString(m);
  }

  @Test
  void everyFieldInTheRecordsOrderAndNullsAsNull() throws Exception {
    OpenCaseJson full = new OpenCaseJson("GK-2026-00001", "planning", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 30),
        -2, true, "IN_HANDLING", "ONLINE", "办理申请并拟定答复", "officer", "default");
    OpenCaseJson empty = new OpenCaseJson("ZJ-2026-00002", null, LocalDate.of(2026, 3, 2), null, null, false,
        "REGISTERED", "LETTER", null, null, "housing");
    // quotes, backslashes and control characters quoted as the bean serializer quotes them, rows written twice
    OpenCaseJson odd = new OpenCaseJson("GK-2026-00003", "规划\"科\\二", LocalDate.of(2026, 3, 2), null, 0, false,
        "IN_REVIEW", "EMAIL", "审查\t保密\n", "张三\u0001", "default");
    for (OpenCaseJson c : List.of(full, empty, odd, full, odd)) {
      assertThat(JSON.writeValueAsString(c)).isEqualTo(asBean(c));
    }
    // a generator that escapes every non-ASCII character escapes the rows too
    ObjectMapper ascii = JSON.copy();
    ascii.getFactory().configure(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature(), true);
    assertThat(ascii.writeValueAsString(full)).contains("\\u529E").doesNotContain("办");
    JsonNode list = JSON.readTree(JSON.writeValueAsString(List.of(full, empty)));
    assertThat(list.get(0).path("workingDaysLeft").asInt()).isEqualTo(-2);
    assertThat(list.get(0).path("dueOn").asText()).isEqualTo("2026-03-30");
    assertThat(list.get(1).path("workingDaysLeft").isNull()).isTrue();
    assertThat(list.get(1).path("agency").asText()).isEqualTo("housing");
  }
}
