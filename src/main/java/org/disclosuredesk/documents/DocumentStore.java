package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of documents live, addressed by their SHA-256: each content is stored once, however
 * many cases hold it. The default implementation keeps them in the case's database
 * ({@link JdbcDocumentStore}); an S3-compatible object store implements the same three operations
 * (key = the hash). The metadata (which case, which name, who, when) stays in the database either way.
 */
public interface DocumentStore {

  /** Whether the content with this hash is stored. */
  boolean contains(String sha256);

  /**
   * Stores the content of {@code file}, whose hash and size the caller computed while receiving it.
   * Storing content that is already there changes nothing. Joins the caller's transaction.
   */
  void put(String sha256, long size, Path file) throws IOException;

  /**
   * The stored content, verified: it is read completely and its SHA-256 compared before the first byte
   * is handed out; a mismatch throws {@link DocumentIntegrityException} and nothing is served. The
   * caller closes the stream.
   */
  InputStream open(String sha256) throws IOException;
}
