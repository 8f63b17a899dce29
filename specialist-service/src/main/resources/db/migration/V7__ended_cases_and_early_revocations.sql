-- Cases case-service has cancelled or closed, also those that never had a panel here: a review request that
-- arrives later (out of order, or replayed from the dead letters) must not invite anyone.
create table ended_case (
    case_id   uuid         primary key,
    state     varchar(20)  not null,
    ended_at  timestamptz  not null
);

-- A revocation may arrive before its grant: the consent is then kept revoked with no grant time yet.
alter table case_consent alter column granted_at drop not null;
