package org.disclosuredesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdfCacheTest {

  @Test
  void keepsTheMostRecentlyUsedPdfsUpToItsSize() {
    Letters.PdfCache cache = new Letters.PdfCache(90);
    cache.put("a/1", new byte[20]);
    cache.put("a/2", new byte[20]);
    cache.put("a/3", new byte[20]);
    cache.get("a/1"); // used again: 2 is now the least recently used
    cache.put("a/4", new byte[20]);
    cache.put("a/5", new byte[20]);

    assertThat(cache.get("a/2")).as("evicted").isNull();
    assertThat(cache.get("a/1")).hasSize(20);
    assertThat(cache.get("a/5")).hasSize(20);
  }

  @Test
  void aPdfLargerThanAQuarterOfTheCacheIsNotKept() {
    Letters.PdfCache cache = new Letters.PdfCache(100);
    cache.put("a/1", new byte[26]);
    assertThat(cache.get("a/1")).isNull();
  }
}
