-- Issue 12 item 5: records close properly.
-- The latest checklist state document-service published (consilium.document.checklist-changed.v1) per case: the
-- open required items the personal doctor must settle (or override with a reason) before records are complete.
create table records_checklist (
    case_id     uuid         primary key,
    tenant      varchar(100) not null,
    revision    bigint       not null,
    complete    boolean      not null,
    open_items  jsonb        not null,
    waived      jsonb        not null,
    changed_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- A records completion over open items: the doctor's reason and what was open (also in records-completed).
alter table smo_case add column records_override_reason varchar(1000);
alter table smo_case add column records_overridden_items jsonb;

-- A timeline entry may carry a note for those who see the case's content (never the partner): e.g. why records
-- were marked complete while items were open.
alter table case_timeline_entry add column note varchar(1500);
