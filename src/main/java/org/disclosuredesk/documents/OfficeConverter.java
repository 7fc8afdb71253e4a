package org.disclosuredesk.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DOCX/XLSX to PDF with LibreOffice ({@code soffice --headless --convert-to pdf}), when it is installed: the
 * command {@code disclosure.documents.libreoffice} (default {@code soffice}, looked up on the PATH; empty turns
 * conversion off). Each conversion runs in its own LibreOffice profile directory (concurrent conversions do not
 * share one), is killed after {@code disclosure.documents.conversion-timeout}, and leaves nothing behind.
 */
@Component
class OfficeConverter {

  private static final Logger log = LoggerFactory.getLogger(OfficeConverter.class);

  private final Optional<Path> soffice;
  private final long timeoutSeconds;

  OfficeConverter(@Value("${disclosure.documents.libreoffice:soffice}") String command,
      @Value("${disclosure.documents.conversion-timeout:120s}") java.time.Duration timeout) {
    this.soffice = find(command);
    this.timeoutSeconds = timeout.toSeconds();
    log.info(soffice.map(p -> "Office documents are converted to PDF with " + p)
        .orElse("LibreOffice not found (disclosure.documents.libreoffice='" + command
            + "'): DOCX/XLSX are reviewed and released as they are"));
  }

  /** Whether DOCX/XLSX can be converted on this node. */
  boolean available() {
    return soffice.isPresent();
  }

  /** The PDF made of {@code source} as a new temporary file (the caller deletes it); empty when not available. */
  Optional<Path> toPdf(Path source, String extension) throws IOException {
    if (soffice.isEmpty()) {
      return Optional.empty();
    }
    Path work = Files.createTempDirectory("dd-convert-");
    try {
      Path input = work.resolve("document" + extension);
      Files.copy(source, input);
      Path profile = work.resolve("profile");
      Process p = new ProcessBuilder(List.of(soffice.get().toString(), "-env:UserInstallation=" + profile.toUri(),
          "--headless", "--norestore", "--nologo", "--nodefault", "--convert-to", "pdf", "--outdir", work.toString(),
          input.toString())).redirectErrorStream(true).redirectOutput(work.resolve("soffice.log").toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IOException("LibreOffice 转换超时（" + timeoutSeconds + " 秒）");
      }
      Path pdf = work.resolve("document.pdf");
      if (p.exitValue() != 0 || !Files.exists(pdf) || Files.size(pdf) == 0) {
        throw new IOException("LibreOffice 转换失败（退出码 " + p.exitValue() + "）："
            + Files.readString(work.resolve("soffice.log")).strip());
      }
      Path out = Files.createTempFile("dd-converted-", ".pdf");
      Files.move(pdf, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("LibreOffice 转换被中断", e);
    } finally {
      deleteTree(work);
    }
  }

  private static Optional<Path> find(String command) {
    if (command == null || command.isBlank()) {
      return Optional.empty();
    }
    Path given = Path.of(command);
    if (given.isAbsolute() || command.contains("/")) {
      return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
    }
    String path = System.getenv("PATH");
    return path == null ? Optional.empty() : Stream.of(path.split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      log.warn("temporary conversion directory {} not removed: {}", dir, e.getMessage());
    }
  }
}
