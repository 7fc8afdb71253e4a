-- Issue 9 (legal correctness of the route).

-- A supplement notice (补正告知) sent after the 7 working days of Art. 30, with the supervisor's recorded
-- reason; null when the notice was on time or none was sent. Supervision counts these cases.
alter table dd_case add column late_supplement_reason varchar(2000);

-- The day the applicant received the fee notice (收费通知书): the payment period counts from the day after.
alter table dd_fee add column notice_received_on date;
