package org.disclosuredesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns exceptions of the {@code /api} controllers into the JSON error format of design.md; never a 500 for bad input. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiErrors> invalid(InvalidInputException e, jakarta.servlet.http.HttpServletRequest request) {
    return refused(request, new ApiErrors(e.errors()));
  }

  /** Refused input is one INFO line naming the fields (never the values: they may be personal data). */
  private static ResponseEntity<ApiErrors> refused(jakarta.servlet.http.HttpServletRequest request, ApiErrors errors) {
    log.info("refused input on {} {}: {}", request.getMethod(), request.getRequestURI(), errors.errors().stream()
        .map(f -> f.field() + " (" + f.message() + ")").collect(Collectors.joining(", ")));
    return ResponseEntity.badRequest().body(errors);
  }

  /** A header the firewall refuses when it is first read (control or non-Latin characters): 400, one INFO line. */
  @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
  ResponseEntity<ApiErrors> rejected(org.springframework.security.web.firewall.RequestRejectedException e,
      jakarta.servlet.http.HttpServletRequest request) {
    java.util.regex.Matcher header = java.util.regex.Pattern.compile("header: \"([^\"]+)\"").matcher(e.getMessage());
    String field = header.find() ? header.group(1).trim() : "request";
    return refused(request, ApiErrors.of(field, "含有不允许的字符"));
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ResponseEntity<ApiErrors> notFound(CaseNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of("caseNumber", e.getMessage()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiErrors> noResource(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of("path", "没有这个地址：/" + e.getResourcePath()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiErrors> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiErrors.of(e.field(), e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiErrors> notThere(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiErrors.of(e.field(), e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiErrors> conflict(ConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiErrors.of(e.field(), e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiErrors> unreadable(HttpMessageNotReadableException e, jakarta.servlet.http.HttpServletRequest request) {
    return refused(request, describe(e.getCause()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiErrors> missingParameter(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(ApiErrors.of(e.getParameterName(), "必须填写"));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ApiErrors> missingHeader(MissingRequestHeaderException e) {
    return ResponseEntity.badRequest().body(ApiErrors.of(e.getHeaderName(), "缺少请求头"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiErrors> typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "" : switch (e.getRequiredType().getSimpleName()) {
      case "LocalDate" -> "：应为日期 YYYY-MM-DD";
      case "int", "Integer", "long", "Long" -> "：应为整数";
      default -> "";
    };
    return ResponseEntity.badRequest().body(ApiErrors.of(e.getName(), "格式不正确" + expected));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiErrors> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(ApiErrors.of("Content-Type", "不支持的内容类型：" + e.getContentType()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiErrors> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiErrors.of("method", "不支持 " + e.getMethod()));
  }

  /** Anything unforeseen under /api still answers in the error format, without internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiErrors> unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) throws Exception {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || e instanceof org.springframework.security.access.AccessDeniedException
        || e instanceof org.springframework.security.core.AuthenticationException) {
      throw e; // pages have their own error views; security answers 401/403 itself
    }
    if (e instanceof org.springframework.web.ErrorResponse known) {
      return ResponseEntity.status(known.getStatusCode())
          .body(ApiErrors.of("request", String.valueOf(known.getBody().getDetail())));
    }
    if (DatabaseFailures.isTemporary(e)) {
      // the database is restarting or a lock was held too long: the client may retry, it is not our bug
      log.warn("database temporarily unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", DatabaseUnavailableFilter.RETRY_AFTER_SECONDS)
          .body(ApiErrors.of("server", "数据库暂时不可用，请 " + DatabaseUnavailableFilter.RETRY_AFTER_SECONDS + " 秒后重试"));
    }
    log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(ApiErrors.of("server", "服务器内部错误，已记录日志，请稍后重试或联系管理员"));
  }

  private static ApiErrors describe(Throwable cause) {
    if (cause instanceof UnrecognizedPropertyException u) {
      return ApiErrors.of(path(u), "未知字段");
    }
    if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
      return ApiErrors.of(path(f), "取值无效，应为以下之一：" + allowed);
    }
    if (cause instanceof InvalidFormatException f && f.getTargetType() != null
        && f.getTargetType().getSimpleName().equals("LocalDate")) {
      return ApiErrors.of(path(f), "日期格式应为 YYYY-MM-DD");
    }
    if (cause instanceof InvalidFormatException f && f.getTargetType() == String.class && !f.getPath().isEmpty()) {
      return ApiErrors.of(path(f), f.getOriginalMessage());
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return ApiErrors.of(path(m), "类型不正确" + expected(m.getTargetType()));
    }
    if (cause instanceof MismatchedInputException) {
      return ApiErrors.of("body", "请求体应为一个 JSON 对象");
    }
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return ApiErrors.of(path(m), "取值无效");
    }
    if (cause instanceof JsonProcessingException p) {
      // the position helps the client; the parser's own text names our classes, so it stays in the log
      log.debug("malformed JSON", p);
      return ApiErrors.of("body", p.getLocation() == null ? "JSON 格式错误"
          : "JSON 格式错误（第 %d 行第 %d 列）".formatted(p.getLocation().getLineNr(), p.getLocation().getColumnNr()));
    }
    log.debug("unreadable request body", cause);
    return ApiErrors.of("body", "请求体缺失或无法读取");
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    if (type == String.class) {
      return "：应为文本（带引号的字符串）";
    }
    if (type.isEnum()) {
      return "：应为以下之一：" + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
    if (type.getSimpleName().equals("LocalDate")) {
      return "：应为日期字符串 YYYY-MM-DD";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "：应为整数";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "：应为 true 或 false";
    }
    if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
      return "：应为 JSON 对象";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "：应为 JSON 数组";
    }
    return "";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
