-- Issue 11: a registration takes its number from the year's counter in a short transaction of its own
-- (the counter row is locked for a millisecond, not for the whole registration) and records it here;
-- the registration's own transaction deletes the row when it inserts the case. Every number up to the
-- counter is therefore either a case or a row here: a registration that did not commit (rolled back,
-- or the node killed) leaves its number here, and the next registration of that agency and year takes
-- it (README "Durability"), so the register keeps no gap.
create table dd_case_number_reserved (
    agency_code  varchar(32) not null,
    case_year    integer     not null,
    case_number  integer     not null,
    reserved_at  timestamp   not null,
    constraint pk_dd_case_number_reserved primary key (agency_code, case_year, case_number)
);
