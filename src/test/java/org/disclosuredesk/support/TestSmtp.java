package org.disclosuredesk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A GreenMail SMTP server for a test class whose application context sends mail to it: a free port
 * chosen once per class, the server on it, and the {@code spring.mail} settings that point there.
 */
public final class TestSmtp {

  private TestSmtp() {}

  /** A port nobody listens on now. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server (not started) on 127.0.0.1 at this port. */
  public static GreenMail server(int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** The application's mail settings for that server (from a {@code @DynamicPropertySource} method). */
  public static void register(DynamicPropertyRegistry registry, int port) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> port);
    registry.add("disclosure.mail.from", () -> "ogi@example.gov.cn");
  }
}
