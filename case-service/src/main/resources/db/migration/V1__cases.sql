-- A second-opinion case as opened at intake. Clinical text lives in its own columns so it can be
-- projected away for roles that may only see metadata (partners, ops).
create table smo_case (
    id                      uuid         primary key,
    tenant                  varchar(100) not null,
    member_id               varchar(100) not null,
    patient_id              varchar(255),
    opened_by               varchar(255) not null,
    opened_by_role          varchar(30)  not null,
    manager_id              varchar(255),
    state                   varchar(30)  not null,
    patient_name            varchar(200),
    patient_email           varchar(254),
    patient_phone           varchar(40),
    preferred_language      varchar(2)   not null,
    country_of_residence    varchar(2)   not null,
    reasons                 jsonb        not null,
    diagnosis_text          varchar(2000) not null,
    diagnosis_icd10         varchar(10),
    proposed_treatment      varchar(2000),
    treating_doctor_name    varchar(200),
    treating_institution    varchar(200),
    treating_country        varchar(2),
    requested_specialty     varchar(64)  not null,
    urgency                 varchar(20)  not null,
    standard_questions      jsonb        not null,
    other_questions         jsonb        not null,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    submitted_at            timestamptz,
    version                 bigint       not null
);

create index smo_case_tenant_created on smo_case (tenant, created_at desc);
create index smo_case_patient on smo_case (patient_id, created_at desc);
create index smo_case_manager on smo_case (manager_id, created_at desc) where manager_id is not null;
create index smo_case_state on smo_case (state);
