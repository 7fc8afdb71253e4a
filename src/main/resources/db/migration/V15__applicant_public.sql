-- Issue 14: the applicant's verification code (only its SHA-256, salted with the case) and the
-- table-backed throttle of public lookups per client address (shared by every node of a cluster).

create table dd_verification_code (
    agency_code  varchar(32)  not null,
    case_number  varchar(40)  not null,
    code_hash    varchar(64)  not null,
    issued_at    timestamp    not null,
    issued_by    varchar(64),
    constraint pk_dd_verification_code primary key (agency_code, case_number)
);

create table dd_public_throttle (
    client        varchar(80)  not null,
    window_start  timestamp    not null,
    failures      integer      not null,
    constraint pk_dd_public_throttle primary key (client)
);

-- Online applications: the same applicant (ID number) asking for the same information twice within
-- a day is shown the first case. Only a SHA-256 of ID number and description is kept here.
create table dd_online_application (
    fingerprint   varchar(64)  not null,
    agency_code   varchar(32)  not null,
    case_number   varchar(40)  not null,
    submitted_at  timestamp    not null,
    constraint pk_dd_online_application primary key (fingerprint, case_number)
);
create index ix_dd_online_application_fp on dd_online_application (fingerprint, submitted_at);
