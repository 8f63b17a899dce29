-- Transactional outbox (platform). Rows are written in the same transaction as the state change
-- that caused them and published to Kafka by OutboxRelay in id order.
create table outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    kafka_key    varchar(200) not null,
    type         varchar(200) not null,
    source       varchar(200) not null,
    subject      varchar(200),
    tenant       varchar(100),
    occurred_at  timestamptz  not null,
    payload      jsonb        not null,
    sent_at      timestamptz
);

-- The relay only ever scans unsent rows, in order.
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
