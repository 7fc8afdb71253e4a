package org.disclosuredesk.identity;

/** The engine groups that are the product's roles (design.md "People who use it"). */
public final class Groups {

  public static final String RECEPTION = "reception";
  public static final String CONFIDENTIALITY = "confidentiality";
  public static final String SUPERVISORS = "supervisors";
  public static final String PORTAL = "portal";
  public static final String ADMIN = "camunda-admin";
  /** The city's OGI office: supervises every agency of the platform (read, urge, reports). */
  public static final String CITY_SUPERVISORS = "city-supervisors";
  /** An agency's own administrators: its calendar, letter header and departments (their agencies only). */
  public static final String AGENCY_ADMINS = "agency-admins";
  /** Department officers are in {@code dept-<code>}, e.g. {@code dept-planning}. */
  public static final String DEPARTMENT_PREFIX = "dept-";

  private Groups() {}

  public static String department(String departmentCode) {
    return DEPARTMENT_PREFIX + departmentCode;
  }
}
