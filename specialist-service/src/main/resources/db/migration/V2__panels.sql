-- One panel request per case (from consilium.case.review-requested.v1) and its invitations.
create table panel_request (
    case_id               uuid          primary key,
    tenant                varchar(100)  not null,
    specialty             varchar(64)   not null,
    subspecialty          varchar(64),
    diagnosis_icd10       varchar(10),
    preferred_language    varchar(2)    not null,
    country_of_residence  varchar(2)    not null,
    treating_institution  varchar(200),
    panel_size            integer       not null check (panel_size between 1 and 3),
    allowed_countries     text[]        not null,
    due_by                timestamptz,
    requested_at          timestamptz   not null,
    state                 varchar(20)   not null,
    unfilled_seats        integer       not null default 0,
    assembled_at          timestamptz,
    updated_at            timestamptz   not null,
    version               bigint        not null
);

create table invitation (
    id                  uuid          primary key,
    case_id             uuid          not null references panel_request (case_id),
    specialist_id       uuid          not null references specialist (id),
    specialist_subject  varchar(255)  not null,
    specialist_country  varchar(2)    not null,
    state               varchar(20)   not null,
    score               numeric(7, 2),
    overridden          boolean       not null,
    override_reason     varchar(500),
    invited_at          timestamptz   not null,
    deadline            timestamptz   not null,
    responded_at        timestamptz,
    decline_reason      varchar(500),
    version             bigint        not null,
    -- A specialist is invited at most once per case, whatever happened to the first invitation.
    unique (case_id, specialist_id)
);
create index invitation_subject on invitation (specialist_subject, invited_at);
create index invitation_pending_deadline on invitation (deadline) where state = 'INVITED';

-- Consents the patient granted (case-service events); the full case view needs a live one.
create table case_consent (
    consent_id           uuid          primary key,
    case_id              uuid          not null,
    purpose              varchar(40)   not null,
    specialist_subjects  text[]        not null,
    countries            text[]        not null,
    granted_at           timestamptz   not null,
    revoked_at           timestamptz
);
create index case_consent_case on case_consent (case_id);
