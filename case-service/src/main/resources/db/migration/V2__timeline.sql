-- Every event of a case, in order, as consumed from the case topics (see timeline/).
-- Redeliveries are filtered by the platform inbox in the same transaction as the insert.
create table case_timeline_entry (
    id           bigserial    primary key,
    event_id     uuid         not null,
    case_id      uuid         not null,
    tenant       varchar(100),
    type         varchar(200) not null,
    source       varchar(200) not null,
    occurred_at  timestamptz  not null,
    recorded_at  timestamptz  not null default now()
);
create index case_timeline_case on case_timeline_entry (case_id, occurred_at, id);
