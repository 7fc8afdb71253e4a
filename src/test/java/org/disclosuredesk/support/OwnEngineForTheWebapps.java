package org.disclosuredesk.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the test's own engine back into the JVM-wide {@link ProcessEngines} registry before each test.
 *
 * <p>The Camunda webapps and engine REST (their login included) find "the" engine by name there, and
 * the registry holds the engine of the Spring context started last. Surefire runs every test class in
 * one JVM with cached contexts, so a class that reuses a context started earlier would otherwise sign
 * in through the webapps against another context's engine and in-memory database (the user it created
 * is not there: 401). Registered for every Spring test in {@code META-INF/spring.factories}.
 */
public class OwnEngineForTheWebapps implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifUnique(ProcessEngines::registerProcessEngine);
    }
  }
}
