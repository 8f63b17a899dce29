-- notification-service's own tables (the platform's outbox, inbox and dead letters come from db/platform).

-- What this service knows of a case, projected from other services' events: who to tell and what state the
-- case is in. Events carry no contact data; addresses are resolved per recipient at sending time.
create table case_file (
    case_id     uuid         primary key,
    tenant      varchar(100) not null,
    patient_id  varchar(200),
    manager_id  varchar(200),
    state       varchar(40),
    updated_at  timestamptz  not null
);

-- Specialists invited to a case (who the invitation reminders go to when the event names only the invitation).
create table case_invitation (
    invitation_id      uuid         primary key,
    case_id            uuid         not null,
    specialist_subject varchar(200) not null
);
create index case_invitation_case on case_invitation (case_id);

-- Partner webhook endpoints (Standard Webhooks). The secret is kept to sign with (HMAC needs it), shown once.
create table webhook_endpoint (
    id                   uuid          primary key,
    tenant               varchar(100)  not null,
    url                  varchar(2000) not null,
    description          varchar(500),
    event_types          varchar(4000) not null,
    secret               varchar(200)  not null,
    previous_secret      varchar(200),
    previous_secret_until timestamptz,
    enabled              boolean       not null,
    disabled_reason      varchar(500),
    failing_since        timestamptz,
    created_by           varchar(200)  not null,
    created_at           timestamptz   not null,
    version              bigint        not null
);
create index webhook_endpoint_tenant on webhook_endpoint (tenant, created_at);

-- One row per (event, recipient, channel): created in the consumer's transaction, next to the inbox entry, and
-- sent after commit. For a webhook the recipient is the endpoint id and the row id is the webhook-id, so a
-- retry after a crash carries the same id and the receiver drops the duplicate.
create table delivery (
    id              uuid          primary key,
    event_id        uuid          not null,
    event_type      varchar(200)  not null,
    case_id         uuid,
    tenant          varchar(100),
    recipient_kind  varchar(20)   not null,
    recipient       varchar(200)  not null,
    channel         varchar(20)   not null,
    urgent          boolean       not null,
    status          varchar(20)   not null,
    attempts        integer       not null,
    next_attempt_at timestamptz,
    payload         text,
    last_error      varchar(500),
    created_at      timestamptz   not null,
    delivered_at    timestamptz,
    version         bigint        not null,
    constraint delivery_once unique (event_id, recipient_kind, recipient, channel)
);
create index delivery_due on delivery (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index delivery_recipient on delivery (recipient, created_at desc);
create index delivery_case on delivery (case_id, created_at);

-- Every attempt at a webhook delivery: the partner's delivery log.
create table webhook_attempt (
    id            uuid          primary key,
    delivery_id   uuid          not null references delivery (id),
    endpoint_id   uuid          not null,
    attempt       integer       not null,
    attempted_at  timestamptz   not null,
    status_code   integer,
    latency_ms    bigint        not null,
    response_head varchar(1100),
    error         varchar(500)
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, attempt);
