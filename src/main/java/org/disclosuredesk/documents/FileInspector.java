package org.disclosuredesk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

/**
 * Tells what a received file is from its content (magic bytes and structure, never the name) and
 * refuses what is not allowed: other types (415), encrypted PDFs, PDF and zip bombs, damaged files (400).
 */
@Component
class FileInspector {

  static final String PDF = "application/pdf";
  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final String ALLOWED = "只接受 PDF、JPEG、PNG、Word（.docx）和 Excel（.xlsx）文件（按文件内容识别，与文件名无关）";

  /** Compressed PDF filters whose output is not checked for size (images are decoded only when rendered). */
  private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.JPX_DECODE,
      COSName.CCITTFAX_DECODE, COSName.JBIG2_DECODE);

  private final DocumentsProperties limits;

  FileInspector(DocumentsProperties limits) {
    this.limits = limits;
  }

  /** The content type of an allowed file; otherwise a {@link DocumentRefusedException}. */
  String inspect(Path file) throws IOException {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (startsWith(head, n, '%', 'P', 'D', 'F', '-')) {
      checkPdf(file);
      return PDF;
    }
    if (startsWith(head, n, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(head, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(head, n, 'P', 'K', 3, 4)) {
      return checkOfficeZip(file);
    }
    if (startsWith(head, n, 'M', 'Z') || startsWith(head, n, 0x7F, 'E', 'L', 'F')
        || startsWith(head, n, 0xCA, 0xFE, 0xBA, 0xBE) || startsWith(head, n, '#', '!')) {
      throw unsupported("文件内容是可执行程序或脚本，不予接收。" + ALLOWED);
    }
    if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0)) {
      throw unsupported("旧版 Office 文件（.doc/.xls）或加密的 Office 文件不予接收，请另存为 .docx/.xlsx 或 PDF。" + ALLOWED);
    }
    throw unsupported("无法识别的文件类型。" + ALLOWED);
  }

  private void checkPdf(Path file) throws IOException {
    try (PDDocument pdf = load(file, limits)) {
      if (pdf.isEncrypted()) {
        throw refused("PDF 文件已加密（设有权限密码），不予接收：请提交未加密的版本");
      }
      if (pdf.getNumberOfPages() > limits.maxPdfPages()) {
        throw refused("PDF 页数超过上限 %d 页，不予接收".formatted(limits.maxPdfPages()));
      }
      if (pdf.getNumberOfPages() == 0) {
        throw refused("PDF 文件没有页面，不予接收");
      }
      var xref = pdf.getDocument().getXrefTable();
      if (xref.size() > limits.maxPdfObjects()) {
        throw refused("PDF 对象数量异常（超过 %d 个），疑为恶意构造的文件，不予接收".formatted(limits.maxPdfObjects()));
      }
      long budget = limits.maxPdfDecodedSize().toBytes();
      for (COSObjectKey key : List.copyOf(xref.keySet())) {
        COSObject object = pdf.getDocument().getObjectFromPool(key);
        COSBase base = object.getObject();
        if (base instanceof COSStream stream && !hasImageFilter(stream)) {
          try (InputStream in = stream.createInputStream()) {
            budget -= drain(in, budget + 1);
          }
          if (budget < 0) {
            throw refused("PDF 解压后体积超过上限 %s，疑为“PDF 炸弹”，不予接收".formatted(limits.maxPdfDecodedSize()));
          }
        }
      }
    } catch (InvalidPasswordException e) {
      throw refused("PDF 文件设有打开密码，不予接收：请提交未加密的版本");
    } catch (DocumentRefusedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw refused("PDF 文件已损坏或无法读取，不予接收");
    }
  }

  /** Opens a PDF with bounded main memory (beyond it PDFBox buffers in temporary files). */
  static PDDocument load(Path file, DocumentsProperties limits) throws IOException {
    StreamCacheCreateFunction cache = MemoryUsageSetting.setupMixed(limits.pdfMainMemory().toBytes()).streamCache;
    return Loader.loadPDF(file.toFile(), "", null, null, cache);
  }

  private static boolean hasImageFilter(COSStream stream) {
    COSBase filters = stream.getFilters();
    if (filters instanceof COSName name) {
      return IMAGE_FILTERS.contains(name);
    }
    if (filters instanceof org.apache.pdfbox.cos.COSArray array) {
      for (COSBase f : array) {
        if (f instanceof COSName name && IMAGE_FILTERS.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private String checkOfficeZip(Path file) throws IOException {
    Set<String> names = new HashSet<>();
    long budget = limits.maxZipUncompressedSize().toBytes();
    int entries = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (++entries > limits.maxZipEntries()) {
          throw refused("压缩包条目超过 %d 个，疑为“压缩炸弹”，不予接收".formatted(limits.maxZipEntries()));
        }
        names.add(entry.getName());
        // counted while reading: the sizes a zip declares can lie
        try (InputStream in = zip.getInputStream(entry)) {
          budget -= drain(in, budget + 1);
        }
        if (budget < 0) {
          throw refused("文件解压后体积超过上限 %s，疑为“压缩炸弹”，不予接收".formatted(limits.maxZipUncompressedSize()));
        }
      }
    } catch (ZipException e) {
      throw refused("压缩格式的文件已损坏，不予接收");
    }
    if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
      return DOCX;
    }
    if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
      return XLSX;
    }
    throw unsupported("压缩包或其他 Office 格式不予接收。" + ALLOWED);
  }

  /** Reads and discards at most {@code max} bytes; returns how many were read. */
  private static long drain(InputStream in, long max) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while (total < max && (n = in.read(buf, 0, (int) Math.min(buf.length, max - total))) > 0) {
      total += n;
    }
    return total;
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static DocumentRefusedException refused(String message) {
    return new DocumentRefusedException(400, "file", message);
  }

  private static DocumentRefusedException unsupported(String message) {
    return new DocumentRefusedException(415, "file", message);
  }
}
