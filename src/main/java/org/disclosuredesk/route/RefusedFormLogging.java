package org.disclosuredesk.route;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A form a clerk submitted with invalid data is not an application error: the engine logs such a
 * refused command as an ERROR with a long stack trace (ENGINE-16004), and its REST layer logs it again.
 * This filter turns the first into one WARN line naming the fields ({@code org.disclosuredesk.forms})
 * and drops the rest. Other engine errors are untouched.
 */
@Component
class RefusedFormLogging extends TurboFilter {

  static final String LOGGER = "org.disclosuredesk.forms";
  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  private LoggerContext context;

  @PostConstruct
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      context = logback;
      setName("refused-form-input");
      start();
      logback.addTurboFilter(this);
    }
  }

  @PreDestroy
  void remove() {
    if (context != null) {
      context.getTurboFilterList().remove(this);
    }
  }

  @Override
  public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
      Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.camunda.bpm")) {
      return FilterReply.NEUTRAL;
    }
    FormFieldValidationException refused = refused(t, params);
    if (refused == null) {
      return FilterReply.NEUTRAL;
    }
    if (logger.getName().startsWith(ENGINE_CONTEXT)) {
      log.warn("表单输入被拒绝（字段 {}）：{}", (Object) refused.getDetail(), refused.getMessage());
    }
    return FilterReply.DENY;
  }

  private static FormFieldValidationException refused(Throwable t, Object[] params) {
    FormFieldValidationException found = within(t);
    if (found == null && params != null) {
      for (Object p : params) {
        if (p instanceof Throwable thrown && (found = within(thrown)) != null) {
          break;
        }
      }
    }
    return found;
  }

  private static FormFieldValidationException within(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FormFieldValidationException f) {
        return f;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
