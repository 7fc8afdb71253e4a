package org.disclosuredesk.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The letter templates: {@code letters/*.html} on the classpath, each overridable by a file of the
 * same name in {@code disclosure.letters.template-dir} (not cached, so an administrator's change
 * applies at the next letter). A private engine, apart from the web pages' Thymeleaf.
 */
@Component
class LetterTemplates {

  static final String CLASSPATH_FOLDER = "letters/";
  static final String STYLESHEET = "letter.css";

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final Path overrideDir;
  /** The bundled stylesheet, read once (an override in the template folder is read every time). */
  private volatile String bundledStylesheet;

  LetterTemplates(LettersProperties properties) {
    this.overrideDir = properties.templateDir();
    int order = 1;
    if (overrideDir != null) {
      FileTemplateResolver external = new FileTemplateResolver();
      external.setPrefix(overrideDir.toAbsolutePath() + "/");
      external.setSuffix(".html");
      external.setTemplateMode(TemplateMode.HTML);
      external.setCharacterEncoding("UTF-8");
      external.setCheckExistence(true);
      external.setCacheable(false);
      external.setOrder(order++);
      engine.addTemplateResolver(external);
    }
    ClassLoaderTemplateResolver bundled = new ClassLoaderTemplateResolver();
    bundled.setPrefix(CLASSPATH_FOLDER);
    bundled.setSuffix(".html");
    bundled.setTemplateMode(TemplateMode.HTML);
    bundled.setCharacterEncoding("UTF-8");
    bundled.setCheckExistence(true);
    bundled.setOrder(order);
    engine.addTemplateResolver(bundled);
  }

  /** Renders {@code template} with the variables; fragments ({@code _layout}) resolve through the same chain. */
  String render(String template, Map<String, Object> variables) {
    Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, variables);
    context.setVariable("css", stylesheet());
    return engine.process(template, context);
  }

  /** The print stylesheet, inlined into every letter so the stored HTML stands alone. */
  String stylesheet() {
    if (overrideDir != null) {
      Path file = overrideDir.resolve(STYLESHEET);
      if (Files.isRegularFile(file)) {
        try {
          return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("无法读取样式表 " + file, e);
        }
      }
    }
    String bundled = bundledStylesheet;
    if (bundled != null) {
      return bundled;
    }
    try (InputStream in = LetterTemplates.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + STYLESHEET)) {
      if (in == null) {
        throw new IllegalStateException("缺少样式表 classpath:" + CLASSPATH_FOLDER + STYLESHEET);
      }
      bundledStylesheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return bundledStylesheet;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
