-- What the FHIR case bundle (GET /api/v1/cases/{caseId}/fhir, issue 13) needs of a case beyond its reports, each
-- table filled from another service's events (docs/events.md). V6 is the other issue-13 migration of this service.

-- case-service's consilium.case.submitted.v1: the request
create table case_request (
    case_id              uuid primary key,
    member_id            varchar(100),
    requested_specialty  varchar(100),
    urgency              varchar(20),
    diagnosis_icd10      varchar(20),
    reasons              jsonb        not null default '[]',
    opened_by_role       varchar(30),
    submitted_at         timestamptz
);

-- case-service's lifecycle events: one row per event, a Task per lifecycle step
create table case_step (
    event_id  uuid primary key,
    case_id   uuid        not null,
    step      varchar(50) not null,
    at        timestamptz not null
);
create index case_step_case on case_step (case_id, at);

-- specialist-service's invited (seat specialty) and accepted (name, country) events: the experts
create table case_expert (
    case_id             uuid         not null,
    specialist_subject  varchar(255) not null,
    specialist_id       varchar(100),
    name                varchar(200),
    country             varchar(10),
    seat                int,
    specialty           varchar(100),
    accepted_at         timestamptz,
    primary key (case_id, specialist_subject)
);

-- document-service's uploaded and rejected events: the records (metadata only, never the file or its name)
create table case_record (
    document_id   uuid primary key,
    case_id       uuid not null,
    kind          varchar(100),
    content_type  varchar(200),
    size_bytes    bigint,
    sha256        varchar(64),
    uploaded_at   timestamptz,
    rejected_at   timestamptz,
    -- the DICOM studies in the file (document.uploaded's studies, since issue 13): [{studyInstanceUid, ...}]
    studies       jsonb not null default '[]'
);
create index case_record_case on case_record (case_id);

-- case-service's consent-granted and consent-revoked events, every purpose (case_consent keeps only the two
-- purposes that gate report access, and stays as it is)
create table case_consent_record (
    consent_id  uuid primary key,
    case_id     uuid        not null,
    purpose     varchar(50) not null,
    countries   jsonb       not null default '[]',
    granted_at  timestamptz,
    revoked_at  timestamptz
);
create index case_consent_record_case on case_consent_record (case_id);
