-- Issue 12, item 1: the specialists' brief, from consilium.case.brief-changed.v1 (the latest one per case), and
-- the case's records as the brief lists them: the items the personal doctor asked for (records-requested) and the
-- documents stored for the case (document-service's uploaded; rejected ones are dropped). Clinical content behind
-- the invitation and consent checks; no identifying data arrives here.
create table case_brief (
    case_id     uuid         primary key,
    tenant      varchar(100) not null,
    content     jsonb        not null,
    changed_at  timestamptz  not null
);

create table case_record_item (
    case_id   uuid          not null,
    code      varchar(64)   not null,
    label     varchar(200)  not null,
    required  boolean       not null,
    primary key (case_id, code)
);

create table case_document (
    document_id        uuid          primary key,
    case_id            uuid          not null,
    checklist_item_id  uuid,
    kind               varchar(64),
    content_type       varchar(200),
    size_bytes         bigint,
    uploaded_at        timestamptz   not null
);
create index case_document_case on case_document (case_id);
