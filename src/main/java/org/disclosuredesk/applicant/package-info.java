/**
 * The applicant's side (issue 14): verification codes issued at registration, the public progress
 * lookup ({@code POST /api/public/lookup}, {@code /track/}) and its throttle against guessing.
 */
package org.disclosuredesk.applicant;
