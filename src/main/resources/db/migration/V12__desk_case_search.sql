-- The reception desk finds cases by the applicant's ID number (exact) and name; case numbers and
-- received dates are indexed already (V1).
create index ix_dd_case_applicant_id on dd_case (agency_code, applicant_id_number);
create index ix_dd_case_applicant_name on dd_case (agency_code, applicant_name);
