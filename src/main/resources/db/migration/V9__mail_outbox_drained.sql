-- Mail outbox drained in batches (issue 11, issue 8's mail back-off): no process instance per mail any more.
-- A drainer on every node claims due rows with a lease (claim_token, claimed_until): one conditional update
-- per batch, so two nodes never send the same row at once; a node that dies mid-batch lets its lease expire
-- and another node sends the rows again (at-least-once).
alter table dd_mail add column attempts integer default 0 not null;
alter table dd_mail add column next_attempt_at timestamp;
alter table dd_mail add column last_error varchar(1000);
alter table dd_mail add column claim_token varchar(36);
alter table dd_mail add column claimed_until timestamp;
-- rows still waiting for their old outgoingMail job are drained by the new mechanism
update dd_mail set next_attempt_at = queued_at where status = 'QUEUED';
-- status: QUEUED, SENT, NOT_SENT (old rows: no mail server), FAILED (alerted, still retried)
create index ix_dd_mail_due on dd_mail (status, next_attempt_at);
