-- The working-day calendar as data, per agency (domain.md "Working days and the clock").
-- A year without a row in dd_calendar_year is counted on weekends alone.

-- one row per agency and year whose official calendar is known
create table dd_calendar_year (
    agency_code  varchar(32)   not null,
    cal_year     integer       not null,
    official     boolean       not null,
    -- where the data came from: the bundled file or the API (JSON / iCalendar)
    source       varchar(200)  not null,
    updated_at   timestamp     not null,
    updated_by   varchar(64)   not null,
    constraint pk_dd_calendar_year primary key (agency_code, cal_year)
);

-- the exceptions to Monday-Friday: official days off (off_day = true) and make-up working days (false)
create table dd_calendar_day (
    agency_code  varchar(32)   not null,
    cal_date     date          not null,
    off_day      boolean       not null,
    name         varchar(100)  not null,
    constraint pk_dd_calendar_day primary key (agency_code, cal_date)
);

-- bumped by every change of an agency's calendar: each node caches the calendar in memory and
-- compares this number every few seconds, so a change made through another node is seen;
-- the row is also the lock that serialises changes (and the start-up load of the bundled years)
create table dd_calendar_revision (
    agency_code  varchar(32)   not null,
    revision     bigint        not null,
    constraint pk_dd_calendar_revision primary key (agency_code)
);
