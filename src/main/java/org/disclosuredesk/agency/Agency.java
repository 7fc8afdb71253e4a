package org.disclosuredesk.agency;

/**
 * One agency (机关) on the platform: it receives and answers its own applications with its own reception,
 * departments, case numbers, letters and annual report (design.md "Agencies"). Its code is also its
 * Camunda tenant id, so the engine keeps its process instances, tasks and history apart.
 *
 * @param code the agency code and tenant id, e.g. {@code default}, {@code housing}
 * @param name the agency's name as printed on letters, e.g. 市住房和城乡建设局
 * @param caseNumberPrefix the first part of its case numbers (GK-2026-00042); unique on the platform
 * @param sealText the text under the signature, where the seal goes
 * @param contactPhone the OGI office's phone, printed on letters
 * @param contactAddress the OGI office's address (reception room)
 * @param reconsiderationBody who hears administrative reconsideration of its replies
 * @param court the court named for litigation
 */
public record Agency(String code, String name, String caseNumberPrefix, String sealText, String contactPhone,
    String contactAddress, String reconsiderationBody, String court) {

  /** The agency code of a single-agency installation. */
  public static final String DEFAULT = "default";
}
