-- Dead letters (platform): events a consumer could not apply after its attempts, or that break the contract.
-- Kept in the service's own database so ops can list them, replay them once the cause is fixed, or discard them
-- with a reason; the payload stays here and is never returned by the API.
create table dead_letter (
    id               uuid          primary key,
    consumer         varchar(100)  not null,
    event_id         uuid          not null,
    event_type       varchar(200)  not null,
    event_source     varchar(500)  not null,
    case_id          uuid          not null,
    tenant           varchar(100),
    occurred_at      timestamptz   not null,
    topic            varchar(250),
    kafka_partition  integer,
    kafka_offset     bigint,
    payload          text,
    contract_broken  boolean       not null,
    error            text          not null,
    attempts         integer       not null,
    status           varchar(20)   not null check (status in ('OPEN', 'REPLAYED', 'DISCARDED')),
    first_failed_at  timestamptz   not null,
    last_failed_at   timestamptz   not null,
    resolved_at      timestamptz,
    resolved_by      varchar(200),
    resolution       varchar(1000),
    unique (consumer, event_id)
);
create index dead_letter_status on dead_letter (status, last_failed_at desc);
create index dead_letter_case on dead_letter (case_id);
