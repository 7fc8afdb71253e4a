/** The annual report (政府信息公开工作年度报告) counted from the case register: tables 三 and 四, the older channel breakdown, year locks. */
package org.disclosuredesk.report;
