-- What document-service knows about a case, projected from case-service and specialist-service events.
create table case_file (
    case_id                 uuid         primary key,
    tenant                  varchar(100),
    patient_id              varchar(255),
    manager_id              varchar(255),
    specialty               varchar(64),
    submitted_at            timestamptz,
    checklist_completed_at  timestamptz,
    version                 bigint       not null
);
create index case_file_patient on case_file (patient_id);
create index case_file_manager on case_file (manager_id);

-- The patient's consents (consent-granted / consent-revoked); a revoked one keeps its row with revoked_at.
create table case_consent (
    consent_id           uuid         primary key,
    case_id              uuid         not null,
    purpose              varchar(50)  not null,
    specialist_subjects  jsonb        not null,
    countries            jsonb        not null,
    granted_at           timestamptz,
    revoked_at           timestamptz
);
create index case_consent_case on case_consent (case_id);

-- Specialists' answers to invitations (accepted / declined / expired), latest answer per specialist.
create table case_specialist (
    id                  bigserial    primary key,
    case_id             uuid         not null,
    specialist_subject  varchar(255) not null,
    specialist_id       varchar(100),
    country             varchar(2),
    state               varchar(20)  not null,
    updated_at          timestamptz  not null,
    unique (case_id, specialist_subject)
);

create table checklist_item (
    id           uuid         primary key,
    case_id      uuid         not null,
    code         varchar(64)  not null,
    label        varchar(200) not null,
    required     boolean      not null,
    source       varchar(20)  not null,
    state        varchar(20)  not null,
    reason       varchar(500),
    document_id  uuid,
    updated_at   timestamptz  not null,
    version      bigint       not null,
    unique (case_id, code)
);

create table upload (
    id                 uuid         primary key,
    case_id            uuid         not null,
    tenant             varchar(100),
    created_by         varchar(255) not null,
    created_by_role    varchar(30)  not null,
    length             bigint       not null,
    filename           varchar(255) not null,
    declared_type      varchar(100),
    kind               varchar(40)  not null,
    checklist_item_id  uuid,
    expected_sha256    varchar(64),
    state              varchar(20)  not null,
    reason             varchar(500),
    document_id        uuid,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index upload_case on upload (case_id);

create table document (
    id                 uuid         primary key,
    case_id            uuid         not null,
    tenant             varchar(100),
    checklist_item_id  uuid,
    kind               varchar(40)  not null,
    filename           varchar(255) not null,
    content_type       varchar(100) not null,
    size_bytes         bigint       not null,
    sha256             varchar(64)  not null,
    uploaded_by        varchar(255) not null,
    uploaded_by_role   varchar(30)  not null,
    uploaded_at        timestamptz  not null,
    unique (case_id, sha256)
);
create index document_case on document (case_id, uploaded_at);

-- DICOM header index: one row per instance (a zipped study has many).
create table dicom_instance (
    id                  bigserial    primary key,
    document_id         uuid         not null references document (id),
    case_id             uuid         not null,
    entry_name          varchar(500),
    study_instance_uid  varchar(64),
    series_instance_uid varchar(64),
    sop_instance_uid    varchar(64),
    modality            varchar(16),
    body_part           varchar(64),
    study_date          date,
    transfer_syntax     varchar(64)  not null
);
create index dicom_instance_case on dicom_instance (case_id, study_instance_uid);
create index dicom_instance_document on dicom_instance (document_id);

create table specimen (
    id            uuid         primary key,
    case_id       uuid         not null,
    tenant        varchar(100),
    description   varchar(500) not null,
    state         varchar(20)  not null,
    requested_by  varchar(255) not null,
    requested_at  timestamptz  not null,
    carrier       varchar(100),
    tracking_id   varchar(100),
    shipped_at    timestamptz,
    received_by   varchar(255),
    received_at   timestamptz,
    returned_at   timestamptz,
    version       bigint       not null
);
create index specimen_case on specimen (case_id);
