-- Idempotency-Key on POST: the first answer per client and key, kept for consilium.gateway.idempotency.retention.
-- The primary key is the lock: of concurrent requests with one key exactly one inserts its row and goes on.
create table idempotency_record (
    client_scope    varchar(320) not null,
    idempotency_key varchar(255) not null,
    fingerprint     char(64)     not null,
    state           varchar(12)  not null check (state in ('IN_FLIGHT', 'COMPLETED')),
    -- an IN_FLIGHT row whose lease ran out belongs to a gateway that died: the next request takes it over
    lease_until     timestamptz  not null,
    status          integer,
    headers         text,
    body            bytea,
    created_at      timestamptz  not null default now(),
    expires_at      timestamptz  not null,
    primary key (client_scope, idempotency_key)
);
create index idempotency_record_expires on idempotency_record (expires_at);

-- Token buckets of the rate limits (Bucket4j's PostgreSQL proxy manager, select-for-update): one row per client,
-- shared by every gateway instance. expires_at (epoch millis) is when a bucket would be full again, after which
-- the row may go.
create table rate_limit_bucket (
    id         varchar(320) primary key,
    state      bytea,
    expires_at bigint
);
