package org.disclosuredesk.supervision;

import jakarta.servlet.http.HttpServletResponse;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.web.ConflictException;
import org.disclosuredesk.web.ForbiddenException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the supervision pages as a Chinese page with the right status, before the JSON handler of
 * the API (which would otherwise answer these page requests too).
 */
@ControllerAdvice(assignableTypes = {SupervisionPages.class, ChartsPage.class, ReportPage.class,
    CityOverviewPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  @ExceptionHandler(CaseNotFoundException.class)
  String notFound(CaseNotFoundException e, Model model, HttpServletResponse response) {
    return page(model, response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
    String message = String.join("；", e.errors().stream().map(f -> f.field() + "：" + f.message()).toList());
    return page(model, response, HttpServletResponse.SC_BAD_REQUEST, message);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
    return page(model, response, HttpServletResponse.SC_BAD_REQUEST, e.getName() + "：格式不正确");
  }

  @ExceptionHandler(ForbiddenException.class)
  String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
    return page(model, response, HttpServletResponse.SC_FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  String conflict(ConflictException e, Model model, HttpServletResponse response) {
    return page(model, response, HttpServletResponse.SC_CONFLICT, e.getMessage());
  }

  private static String page(Model model, HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    return "supervision/error";
  }
}
