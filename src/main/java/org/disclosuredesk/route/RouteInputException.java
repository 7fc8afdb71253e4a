package org.disclosuredesk.route;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.disclosuredesk.web.FieldError;

/**
 * Invalid data submitted through a Tasklist form: the engine command fails (nothing is changed, the
 * task stays open) and Tasklist shows this message, which names each field by its form label.
 */
public class RouteInputException extends BadUserRequestException {

  private final List<FieldError> errors;

  public RouteInputException(List<FieldError> errors) {
    super("请更正以下内容：" + errors.stream().map(e -> e.field() + "：" + e.message()).collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public RouteInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** The route input problem behind an engine exception (listener exceptions arrive wrapped), if any. */
  public static java.util.Optional<RouteInputException> within(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RouteInputException r) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }

  public List<FieldError> errors() {
    return errors;
  }
}
