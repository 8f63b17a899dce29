-- Every event of a case, in order, as consumed from the case topics (see timeline/).
create table case_timeline_entry (
    event_id     uuid         primary key,
    case_id      uuid         not null,
    tenant       varchar(100),
    type         varchar(200) not null,
    source       varchar(200) not null,
    occurred_at  timestamptz  not null,
    recorded_at  timestamptz  not null default now()
);
create index case_timeline_case on case_timeline_entry (case_id, occurred_at, recorded_at);
