/** Information-processing fees (信息处理费, 2020 measures): calculation per case or per page, the fee notice, payment. */
package org.disclosuredesk.fee;
