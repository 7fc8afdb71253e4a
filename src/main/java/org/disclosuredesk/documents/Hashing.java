package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Copies a stream to a temporary file while hashing and counting it: nothing is held in memory. */
final class Hashing {

  /** A received file: where it is, its SHA-256 (hex) and size. */
  record Received(Path file, String sha256, long size) {}

  /** Thrown when the stream is longer than allowed; the partial file is deleted. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("too large");
    }
  }

  private Hashing() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Copies {@code in} to a new temporary file; at most {@code limit} bytes ({@link TooLarge} beyond). */
  static Received toTempFile(InputStream in, long limit) throws IOException {
    Path file = Files.createTempFile("dd-doc-", ".bin");
    MessageDigest digest = sha256();
    long size = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        size += n;
        if (size > limit) {
          throw new TooLarge();
        }
        digest.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new Received(file, hex(digest), size);
  }

  /** Hash of a file (streamed). */
  static String of(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
      }
    }
    return hex(digest);
  }

  /** A stream over a temporary file that deletes the file when closed. */
  static InputStream deletingOnClose(Path file) throws IOException {
    return new java.io.FilterInputStream(Files.newInputStream(file)) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          Files.deleteIfExists(file);
        }
      }
    };
  }
}
