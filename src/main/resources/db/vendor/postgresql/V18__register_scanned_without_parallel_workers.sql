-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}); the next common migration is V19.
--
-- The supervision lists ask for the open cases that are overdue or due soon: a few hundred rows of a register of
-- hundreds of thousands. PostgreSQL estimates "open" and "due before today" as independent, while nearly every
-- closed case is also due before today, so it expected 18,095 rows for the 666 of the benchmark's register and chose
-- a parallel plan: two worker processes started for each call, 60 ms instead of 10 ms on 2 cores (EXPLAIN ANALYZE,
-- 2026-12-01). The register is read case by case, list by list and report by report, never in scans that parallel
-- workers would shorten (the annual report's year of rows is a serial scan either way).
alter table dd_case set (parallel_workers = 0);
