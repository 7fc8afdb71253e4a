package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document content in the case's database (PostgreSQL {@code bytea}, H2 binary): same data source,
 * same transaction as the case, nothing else to run. The file is handed to the driver as a stream.
 */
@Component
class JdbcDocumentStore implements DocumentStore {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate savepoint;

  JdbcDocumentStore(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public boolean contains(String sha256) {
    Integer n = jdbc.queryForObject("select count(*) from dd_document_content where sha256 = ?", Integer.class, sha256);
    return n != null && n > 0;
  }

  @Override
  public void put(String sha256, long size, Path file) throws IOException {
    if (contains(sha256)) {
      return;
    }
    try {
      // a savepoint: the same content stored at the same moment by another upload is not an error
      savepoint.executeWithoutResult(s -> jdbc.update(con -> {
        var ps = con.prepareStatement(
            "insert into dd_document_content (sha256, size_bytes, content, stored_at) values (?, ?, ?, ?)");
        ps.setString(1, sha256);
        ps.setLong(2, size);
        try {
          ps.setBinaryStream(3, Files.newInputStream(file), size);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now(clock)));
        return ps;
      }));
    } catch (DuplicateKeyException alreadyThere) {
      // stored concurrently: content-addressed, so it is the same bytes
    }
  }

  @Override
  public InputStream open(String sha256) throws IOException {
    Path copy = Files.createTempFile("dd-read-", ".bin");
    try {
      String actual = jdbc.query("select content from dd_document_content where sha256 = ?", rs -> {
        if (!rs.next()) {
          return null;
        }
        MessageDigest digest = Hashing.sha256();
        try (InputStream in = rs.getBinaryStream(1); OutputStream out = Files.newOutputStream(copy)) {
          byte[] buf = new byte[64 * 1024];
          int n;
          while ((n = in.read(buf)) > 0) {
            digest.update(buf, 0, n);
            out.write(buf, 0, n);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return Hashing.hex(digest);
      }, sha256);
      if (actual == null) {
        throw new DocumentIntegrityException("文件内容缺失（SHA-256 " + sha256 + "）");
      }
      if (!actual.equals(sha256)) {
        throw new DocumentIntegrityException("文件内容校验失败（SHA-256 不符），已拒绝提供，请联系系统管理员");
      }
      return Hashing.deletingOnClose(copy);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }
}
