package org.disclosuredesk.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers itself, before the application sees the request (headers too large, a malformed
 * request line …): the API's JSON error format, without server details, instead of Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  public JsonErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String message = switch (status) {
      case 400 -> "请求无法解析（请求头过大或格式不正确）";
      case 404 -> "没有这个地址";
      case 413 -> "请求过大";
      case 414 -> "请求地址过长";
      default -> status >= 500 ? "服务器内部错误，已记录日志，请稍后重试或联系管理员" : "请求被拒绝";
    };
    String field = status == 400 || status == 414 || status == 413 ? "request" : status >= 500 ? "server" : "request";
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.resetBuffer();
      OutputStream out = response.getOutputStream();
      out.write(("{\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]}")
          .getBytes(StandardCharsets.UTF_8));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is already committed: nothing more to say
    }
  }
}
