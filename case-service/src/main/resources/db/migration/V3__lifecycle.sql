-- The whole lifecycle: plans and rosters (eligibility), personal doctors, consent, SLA clocks,
-- follow-ups, the patient/doctor message thread, the access log and report outcomes.

alter table smo_case
    add column rejection_reason     varchar(40),
    add column rejection_detail     varchar(500),
    add column plan_id              uuid,
    add column review_specialty     varchar(64),
    add column review_subspecialty  varchar(64),
    add column panel_size           integer,
    add column review_requested_at  timestamptz,
    add column records_completed_at timestamptz,
    add column review_started_at    timestamptz,
    add column report_ready_at      timestamptz,
    add column report_delivered_at  timestamptz,
    add column discussed_at         timestamptz,
    add column discussion_summary   varchar(4000),
    add column closed_at            timestamptz,
    add column cancelled_at         timestamptz,
    add column cancel_reason        varchar(500);

create index smo_case_member_year on smo_case (tenant, member_id, submitted_at);

create table plan (
    id                           uuid         primary key,
    tenant                       varchar(100) not null,
    name                         varchar(200) not null,
    covered_specialties          jsonb        not null,
    opinions_per_member_per_year integer      not null,
    allowed_specialist_countries jsonb        not null,
    records_sla_business_days    integer      not null,
    review_sla_business_days     integer      not null,
    max_panel_size               integer      not null,
    active                       boolean      not null,
    created_at                   timestamptz  not null,
    updated_at                   timestamptz  not null,
    version                      bigint       not null,
    unique (tenant, name)
);

create table roster_member (
    tenant       varchar(100) not null,
    member_id    varchar(100) not null,
    plan_id      uuid         not null references plan (id),
    valid_from   date         not null,
    valid_to     date,
    updated_at   timestamptz  not null,
    primary key (tenant, member_id)
);

create table case_manager (
    subject      varchar(255) primary key,
    tenant       varchar(100) not null,
    name         varchar(200) not null,
    languages    jsonb        not null,
    capacity     integer      not null,
    active       boolean      not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null
);
create index case_manager_tenant on case_manager (tenant) where active;

create table consent (
    id                  uuid         primary key,
    case_id             uuid         not null references smo_case (id),
    purpose             varchar(40)  not null,
    specialist_subjects jsonb        not null,
    countries           jsonb        not null,
    granted_by          varchar(255) not null,
    granted_at          timestamptz  not null,
    revoked_at          timestamptz,
    version             bigint       not null
);
create index consent_case on consent (case_id);

create table sla_clock (
    id                    uuid         primary key,
    case_id               uuid         not null references smo_case (id),
    kind                  varchar(20)  not null,
    started_at            timestamptz  not null,
    budget_business_days  integer      not null,
    paused_since          timestamptz,
    paused_seconds        bigint       not null,
    stopped_at            timestamptz,
    status                varchar(20)  not null,
    evaluated_at          timestamptz,
    version               bigint       not null,
    unique (case_id, kind)
);
create index sla_clock_running on sla_clock (status) where stopped_at is null;

create table follow_up (
    id                uuid         primary key,
    case_id           uuid         not null references smo_case (id),
    due_at            timestamptz  not null,
    treatment_chosen  varchar(1000),
    opinion_followed  varchar(20),
    provider_id       varchar(100),
    notes             varchar(4000),
    recorded_at       timestamptz,
    recorded_by       varchar(255),
    version           bigint       not null
);
create index follow_up_case on follow_up (case_id, due_at);

create table case_message (
    id            uuid         primary key,
    case_id       uuid         not null references smo_case (id),
    author        varchar(255) not null,
    author_role   varchar(30)  not null,
    body          varchar(4000) not null,
    created_at    timestamptz  not null
);
create index case_message_case on case_message (case_id, created_at);

-- Who touched the case's records, from the consilium.audit topic (every service).
create table access_log_entry (
    event_id     uuid         primary key,
    case_id      uuid         not null,
    subject      varchar(255) not null,
    role         varchar(30)  not null,
    object_type  varchar(50)  not null,
    object_id    varchar(100),
    action       varchar(50)  not null,
    purpose      varchar(200),
    allowed      boolean      not null,
    source       varchar(200) not null,
    at           timestamptz  not null
);
create index access_log_case on access_log_entry (case_id, at);

-- What the released reports concluded, for outcome statistics (from consilium.report.released.v1).
create table report_outcome (
    case_id               uuid         not null references smo_case (id),
    report_id             uuid         not null,
    diagnosis_assessment  varchar(20)  not null,
    surgery_necessary     varchar(20)  not null,
    treatment_changed     boolean      not null,
    released_at           timestamptz  not null,
    primary key (case_id, report_id)
);

-- Reports approved so far, to know when the whole panel is ready.
create table report_approval (
    case_id      uuid         not null references smo_case (id),
    report_id    uuid         not null,
    approved_at  timestamptz  not null,
    primary key (case_id, report_id)
);
