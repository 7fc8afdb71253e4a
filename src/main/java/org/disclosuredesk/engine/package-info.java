/** Engine-wide glue shared by features: one history writer that several features narrow. */
package org.disclosuredesk.engine;
