-- Issue 13, second half: the redaction PLAN of a document (the areas proposed by the officer, each with its
-- withholding ground), kept apart from the burnt-in result so that it can be changed until release.
create table dd_redaction_plan (
    document_id   bigint          not null,
    areas_json    varchar(1000000) not null,
    saved_by      varchar(64)     not null,
    saved_at      timestamp       not null,
    constraint pk_dd_redaction_plan primary key (document_id),
    constraint fk_dd_redaction_plan_document foreign key (document_id) references dd_document (id)
);
