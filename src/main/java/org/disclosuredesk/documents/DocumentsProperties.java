package org.disclosuredesk.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and settings of case documents ({@code disclosure.documents.*}).
 *
 * @param maxFileSize the largest single file accepted (413 above); Spring's multipart limits follow it
 * @param maxCaseSize the most all documents of one case may hold together (413 above)
 * @param maxPdfPages a PDF with more pages is refused as a possible PDF bomb
 * @param maxPdfObjects a PDF with more indirect objects is refused
 * @param maxPdfDecodedSize the most all compressed streams of a PDF may expand to while it is inspected
 * @param maxZipEntries a DOCX/XLSX (zip container) with more entries is refused
 * @param maxZipUncompressedSize the most a DOCX/XLSX may expand to (counted while reading, not as declared)
 * @param pdfMainMemory main memory PDFBox may use per document; beyond it, it buffers in temporary files
 * @param redactionDpi resolution of the rasterised pages of a redacted PDF
 */
@ConfigurationProperties("disclosure.documents")
public record DocumentsProperties(
    @DefaultValue("20MB") DataSize maxFileSize,
    @DefaultValue("200MB") DataSize maxCaseSize,
    @DefaultValue("500") int maxPdfPages,
    @DefaultValue("100000") int maxPdfObjects,
    @DefaultValue("200MB") DataSize maxPdfDecodedSize,
    @DefaultValue("2000") int maxZipEntries,
    @DefaultValue("200MB") DataSize maxZipUncompressedSize,
    @DefaultValue("32MB") DataSize pdfMainMemory,
    @DefaultValue("150") int redactionDpi) {}
