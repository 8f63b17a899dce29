-- What report-service knows of a case, learnt from case-service's and specialist-service's events.
create table case_file (
    case_id             uuid         primary key,
    tenant              varchar(100),
    patient_id          varchar(255),
    manager_id          varchar(255),
    preferred_language  varchar(2),
    questions           jsonb        not null,
    panel_size          integer,
    version             bigint       not null
);

-- The patient's consents that concern reports (REPORT_TO_PARTNER, REPORT_TO_TREATING_DOCTOR).
create table case_consent (
    consent_id  uuid         primary key,
    case_id     uuid         not null,
    purpose     varchar(40)  not null,
    granted_at  timestamptz  not null,
    revoked_at  timestamptz
);
create index case_consent_case on case_consent (case_id, purpose);

-- One report per accepted specialist; the draft is the working copy, submitted content lives in report_version.
create table report (
    id                  uuid         primary key,
    case_id             uuid         not null,
    specialist_subject  varchar(255) not null,
    specialist_id       varchar(100),
    state               varchar(30)  not null,
    draft               text         not null,
    latest_version      integer      not null,
    review_comment      varchar(4000),
    reviewed_by         varchar(255),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    released_at         timestamptz,
    version             bigint       not null,
    unique (case_id, specialist_subject)
);

-- Immutable versions: the content as canonical JSON and its SHA-256. Never updated, never deleted.
create table report_version (
    id          uuid         primary key,
    report_id   uuid         not null references report (id),
    number      integer      not null,
    kind        varchar(20)  not null,
    content     text         not null,
    sha256      varchar(64)  not null,
    created_by  varchar(255) not null,
    created_at  timestamptz  not null,
    unique (report_id, number)
);

create function report_version_immutable() returns trigger as $$
begin
    raise exception 'report_version rows are immutable';
end;
$$ language plpgsql;

create trigger report_version_no_change before update or delete on report_version
    for each row execute function report_version_immutable();

-- Follow-up questions of the patient after release (at most three per case), answered as addenda.
create table follow_up_question (
    id              uuid          primary key,
    case_id         uuid          not null,
    report_id       uuid          not null references report (id),
    question        varchar(2000) not null,
    asked_by        varchar(255)  not null,
    asked_at        timestamptz   not null,
    answer_version  integer,
    answered_at     timestamptz,
    version         bigint        not null
);
create index follow_up_question_case on follow_up_question (case_id);

-- Share links for the treating doctor: only the token's SHA-256 is stored.
create table share_link (
    id          uuid         primary key,
    case_id     uuid         not null,
    token_hash  varchar(64)  not null unique,
    created_by  varchar(255) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    revoked_at  timestamptz,
    version     bigint       not null
);
create index share_link_case on share_link (case_id);
