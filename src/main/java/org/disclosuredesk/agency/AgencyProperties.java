package org.disclosuredesk.agency;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agency this node serves (design.md "Agencies"). A single-agency installation has the code
 * {@code default}; case numbers, calendars and reports are kept per agency code.
 *
 * @param code agency code stored on every case
 * @param name the agency's name as printed on letters
 * @param caseNumberPrefix prefix of case numbers, e.g. GK in GK-2026-00042
 * @param timeZone the agency's time zone; dates in the API are in this zone
 */
@ConfigurationProperties("disclosure.agency")
public record AgencyProperties(String code, String name, String caseNumberPrefix, ZoneId timeZone) {

  public AgencyProperties {
    code = code == null || code.isBlank() ? "default" : code;
    name = name == null ? "" : name;
    caseNumberPrefix = caseNumberPrefix == null || caseNumberPrefix.isBlank() ? "GK" : caseNumberPrefix;
    timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
  }
}
