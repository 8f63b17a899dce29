-- Which patient account is which member of a tenant. Learnt from the patient's own token, whose tenant and
-- memberId claims are read-only account attributes, never from a request body. One account per member and
-- one member per account within a tenant.
create table member_account (
    tenant      varchar(100) not null,
    member_id   varchar(100) not null,
    patient_id  varchar(255) not null,
    linked_at   timestamptz  not null,
    primary key (tenant, member_id),
    unique (tenant, patient_id)
);

-- Cases a partner opened before the member's account was known wait for it.
create index smo_case_unlinked on smo_case (tenant, member_id) where patient_id is null;
