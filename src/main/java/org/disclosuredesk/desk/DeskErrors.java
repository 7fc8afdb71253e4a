package org.disclosuredesk.desk;

import jakarta.servlet.http.HttpServletResponse;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.web.InvalidInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the desk's pages as a Chinese page with the right status (the register call answers JSON). */
@ControllerAdvice(assignableTypes = DeskPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeskErrors {

  @ExceptionHandler(CaseNotFoundException.class)
  String notFound(CaseNotFoundException e, Model model, HttpServletResponse response) {
    return page(model, response, HttpServletResponse.SC_NOT_FOUND, "没有找到：" + e.getMessage());
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

  private static String page(Model model, HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    return "desk/error";
  }
}
