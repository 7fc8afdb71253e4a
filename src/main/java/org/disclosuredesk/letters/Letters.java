package org.disclosuredesk.letters;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosuredesk.agency.AgencyClock;
import org.disclosuredesk.casefile.CaseNotFoundException;
import org.disclosuredesk.casefile.CaseRecord;
import org.disclosuredesk.casefile.CaseRegister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xml.sax.InputSource;

/**
 * Issues the letters of a case and serves them again exactly as issued.
 *
 * <p>{@link #issue} renders the type's template from the case, keeps the HTML in dd_letter and
 * writes a {@code LETTER_ISSUED} timeline entry, all in the caller's transaction (inside the route:
 * the engine's). The HTML is rendered once, at issue, and served as kept. PDFs are rendered from the
 * kept HTML on demand, with an embedded Chinese font, and kept in a bounded per-node cache (an issued
 * letter never changes, so a cached PDF is never stale).
 */
@Service
public class Letters {

  /** Timeline kind written for every letter issued. */
  public static final String TIMELINE_KIND = "LETTER_ISSUED";

  /** The thread on which the start's font check runs in the background (the benchmark waits for it). */
  public static final String FONT_CHECK_THREAD = "letter-font-check";

  private final CaseRegister register;
  private final LetterTemplates templates;
  private final LetterModel model;
  private final LetterStore store;
  private final PdfRenderer pdf;
  private final AgencyClock clock;

  Letters(CaseRegister register, LetterTemplates templates, LetterModel model, LetterStore store, PdfRenderer pdf,
      AgencyClock clock) {
    this.register = register;
    this.templates = templates;
    this.model = model;
    this.store = store;
    this.pdf = pdf;
    this.clock = clock;
  }

  /**
   * Issues a letter of {@code type} on the case: renders, records (dd_letter + timeline) and returns it.
   *
   * @param actor who issues it (user id, or {@code system} for the route)
   * @param details type-specific values, see {@link LetterType}; may be empty
   * @throws CaseNotFoundException if the case does not exist
   * @throws IllegalStateException if a template renders to HTML that is not well-formed (the PDF needs XHTML)
   */
  @Transactional
  public IssuedLetter issue(String agencyCode, String caseNumber, LetterType type, String actor,
      Map<String, Object> details) {
    CaseRecord caseFile = register.get(agencyCode, caseNumber);
    Map<String, Object> d = details == null ? Map.of() : details;
    String html = render(caseFile, type, d);
    LocalDateTime now = LocalDateTime.now(clock.clock());
    String delivery = delivery(caseFile, type, d);
    String recipient = recipient(caseFile, type, d);
    actor = actor != null ? actor : org.disclosuredesk.casefile.Actors.current();
    long id = store.insert(agencyCode, caseNumber, type, now, actor, delivery, recipient, html);
    register.record(agencyCode, caseNumber, TIMELINE_KIND, actor,
        "出具《%s》（文书编号 %d，致%s）".formatted(type.title(), id, recipient));
    return new IssuedLetter(id, agencyCode, caseNumber, type, now, actor, delivery, recipient);
  }

  /** Renders a letter from the case as it stands, without issuing it (a preview). */
  public String preview(String agencyCode, String caseNumber, LetterType type, Map<String, Object> details) {
    return render(register.get(agencyCode, caseNumber), type, details == null ? Map.of() : details);
  }

  /** The letters issued on the case, oldest first. */
  public List<IssuedLetter> list(String agencyCode, String caseNumber) {
    return store.list(agencyCode, caseNumber);
  }

  /** An issued letter of the agency by id. */
  public Optional<IssuedLetter> find(String agencyCode, long id) {
    return store.find(agencyCode, id);
  }

  /** The latest letter of that type on the case, if one was issued. */
  public Optional<IssuedLetter> latest(String agencyCode, String caseNumber, LetterType type) {
    return store.latest(agencyCode, caseNumber, type);
  }

  /** The HTML exactly as issued (printable A4, stylesheet inlined). */
  public String html(IssuedLetter letter) {
    return store.html(letter.agencyCode(), letter.id());
  }

  /** The issued letter as PDF (A4, Chinese font embedded), rendered from the HTML as issued. */
  public byte[] pdf(IssuedLetter letter) {
    String key = letter.agencyCode() + "/" + letter.id();
    byte[] cached = pdfCache.get(key);
    if (cached != null) {
      return cached.clone();
    }
    byte[] rendered = pdf.render(html(letter), letter.title());
    pdfCache.put(key, rendered);
    return rendered.clone();
  }

  private final PdfCache pdfCache = new PdfCache(32L * 1024 * 1024);

  /** Least recently used PDFs up to a total size. */
  static final class PdfCache {
    private final long maxBytes;
    private long bytes;
    private final java.util.LinkedHashMap<String, byte[]> entries = new java.util.LinkedHashMap<>(64, 0.75f, true);

    PdfCache(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    synchronized byte[] get(String key) {
      return entries.get(key);
    }

    synchronized void put(String key, byte[] pdf) {
      if (pdf.length > maxBytes / 4) {
        return;
      }
      byte[] old = entries.put(key, pdf);
      bytes += pdf.length - (old == null ? 0 : old.length);
      var it = entries.entrySet().iterator();
      while (bytes > maxBytes && it.hasNext()) {
        bytes -= it.next().getValue().length;
        it.remove();
      }
    }
  }

  /** A PDF file name for the letter, e.g. 政府信息公开申请答复书-GK-2026-00042.pdf. */
  public static String fileName(IssuedLetter letter, String extension) {
    return letter.title().replaceAll("[（）()]", "") + "-" + letter.caseNumber() + "." + extension;
  }

  private String render(CaseRecord caseFile, LetterType type, Map<String, Object> details) {
    // characters XML cannot carry (control characters typed or pasted by an applicant) are dropped
    String html = NOT_XML.matcher(templates.render(type.template(), model.variables(caseFile, type, clock.today(), details)))
        .replaceAll("");
    requireWellFormed(type, html);
    return html;
  }

  private static final java.util.regex.Pattern NOT_XML =
      java.util.regex.Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  /** One SAX parser per thread: no tree is built, and the parser factory is looked up once. */
  private static final ThreadLocal<javax.xml.parsers.SAXParser> XML = ThreadLocal.withInitial(() -> {
    try {
      javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      return factory.newSAXParser();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  });

  private static void requireWellFormed(LetterType type, String html) {
    javax.xml.parsers.SAXParser parser = XML.get();
    try {
      parser.parse(new InputSource(new StringReader(html)), new org.xml.sax.helpers.DefaultHandler());
    } catch (Exception e) {
      throw new IllegalStateException("文书模板 " + type.template() + ".html 生成的不是格式正确的 XHTML（PDF 需要）："
          + e.getMessage(), e);
    } finally {
      parser.reset();
    }
  }

  private static String delivery(CaseRecord caseFile, LetterType type, Map<String, Object> details) {
    Object d = details.get("delivery");
    if (d != null) {
      return d.toString();
    }
    if (type.recipient() != LetterType.Recipient.APPLICANT) {
      return "POST";
    }
    if (type == LetterType.RECEIPT && caseFile.channel() != null) {
      return receiptDelivery(caseFile);
    }
    return chosenDelivery(caseFile);
  }

  private static String chosenDelivery(CaseRecord caseFile) {
    return caseFile.delivery() == null ? null : caseFile.delivery().name();
  }

  /**
   * How a receipt reaches the applicant, by the way the application came: handed over at the desk, sent back
   * the way it came (letter, fax, e-mail), or shown online ({@code ONLINE}: the portal's confirmation and the
   * progress lookup). By another channel it goes the way the applicant wants the reply.
   */
  private static String receiptDelivery(CaseRecord caseFile) {
    return switch (caseFile.channel()) {
      case IN_PERSON -> "HANDED_OVER";
      case LETTER -> "POST";
      case FAX -> "FAX";
      case EMAIL -> "EMAIL";
      case ONLINE -> "ONLINE";
      case OTHER -> chosenDelivery(caseFile);
    };
  }

  private static String recipient(CaseRecord caseFile, LetterType type, Map<String, Object> details) {
    return switch (type.recipient()) {
      case APPLICANT -> caseFile.applicant().name();
      case THIRD_PARTY -> String.valueOf(details.getOrDefault("thirdParty", "第三方"));
      case AGENCY -> String.valueOf(details.getOrDefault("consultedAgency", "有关机关"));
    };
  }
}
