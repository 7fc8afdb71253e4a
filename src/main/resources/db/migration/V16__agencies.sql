-- Issue 10: one platform, many agencies (design.md "Agencies"). Every table already carries agency_code;
-- this adds the agencies themselves, their departments, and the link between a case and the case it
-- was referred to at another agency of the platform.

create table dd_agency (
    code                  varchar(32)   not null,
    name                  varchar(200)  not null,
    -- case numbers of this agency start with it (GK-2026-00042): unique, so a number names its agency
    case_number_prefix    varchar(16)   not null,
    seal_text             varchar(200)  not null,
    contact_phone         varchar(60)   not null,
    contact_address       varchar(300)  not null,
    reconsideration_body  varchar(200)  not null,
    court                 varchar(200)  not null,
    created_at            timestamp     not null,
    updated_at            timestamp     not null,
    updated_by            varchar(64),
    constraint pk_dd_agency primary key (code),
    constraint uq_dd_agency_prefix unique (case_number_prefix)
);

-- 承办部门 per agency; each has the engine group dept-<code>, so codes are unique on the platform
create table dd_department (
    agency_code  varchar(32)   not null,
    code         varchar(64)   not null,
    name         varchar(200)  not null,
    position     integer       not null,
    constraint pk_dd_department primary key (code),
    constraint fk_dd_department_agency foreign key (agency_code) references dd_agency (code)
);
create index ix_dd_department_agency on dd_department (agency_code, position);

-- a case answered "not this agency's" (NOT_THIS_AGENCY) forwarded, with the applicant's consent, as a new
-- case of the agency that holds the information: one row links both cases
create table dd_case_referral (
    from_agency      varchar(32)   not null,
    from_case        varchar(40)   not null,
    to_agency        varchar(32)   not null,
    to_case          varchar(40)   not null,
    consent          varchar(500)  not null,
    referred_at      timestamp     not null,
    referred_by      varchar(64)   not null,
    constraint pk_dd_case_referral primary key (from_agency, from_case),
    constraint uq_dd_case_referral_to unique (to_agency, to_case)
);
