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

-- The confidentiality reviewer's decision per responsive document: RELEASE (the original, whole),
-- RELEASE_REDACTED (the burnt-in version named by released_document_id) or WITHHOLD (with its ground).
create table dd_document_decision (
    document_id           bigint        not null,
    decision              varchar(20)   not null,
    released_document_id  bigint,
    ground                varchar(40),
    decided_by            varchar(64)   not null,
    decided_at            timestamp     not null,
    constraint pk_dd_document_decision primary key (document_id),
    constraint fk_dd_document_decision_document foreign key (document_id) references dd_document (id),
    constraint fk_dd_document_decision_released foreign key (released_document_id) references dd_document (id)
);
