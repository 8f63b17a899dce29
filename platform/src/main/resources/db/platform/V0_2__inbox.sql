-- Idempotent inbox (platform): ids of events a consumer has applied, written in the same
-- transaction as the effect, so a redelivered event is recognised and skipped.
create table inbox_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index inbox_event_processed_at on inbox_event (processed_at);
