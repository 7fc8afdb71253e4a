-- A retry with the same Idempotency-Key must carry the same application: its fingerprint (SHA-256 of the body)
alter table dd_case add column idempotency_fingerprint varchar(64);
