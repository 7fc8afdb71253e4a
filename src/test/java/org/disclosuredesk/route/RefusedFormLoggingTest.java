package org.disclosuredesk.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RefusedFormLoggingTest {

  private final RefusedFormLogging filter = new RefusedFormLogging();

  @AfterEach
  void remove() {
    filter.remove();
  }

  @Test
  void aRefusedFormIsOneWarningWithTheFieldNotAnErrorWithAStackTrace(CapturedOutput output) {
    filter.install();
    RouteInputException refused = new RouteInputException("证件号码", "居民身份证号码无效");
    // the engine's command context logs a failed command like this (ENGINE-16004), the exception last
    LoggerFactory.getLogger("org.camunda.bpm.engine.context")
        .error("ENGINE-16004 Exception while closing command context: {}", refused.getMessage(),
            new ProcessEngineException("wrapped", refused));
    LoggerFactory.getLogger("org.camunda.bpm.engine.rest.exception").warn("refused", refused);
    LoggerFactory.getLogger("org.camunda.bpm.engine.context").error("ENGINE-16004 something else broke",
        new IllegalStateException("database down"));

    assertThat(output).contains("WARN", "表单输入被拒绝（字段 证件号码）：请更正以下内容：证件号码：居民身份证号码无效");
    assertThat(output).doesNotContain("ENGINE-16004 Exception while closing command context", "RouteInputException");
    assertThat(output).contains("ENGINE-16004 something else broke", "database down");
  }
}
