-- The specialist directory, managed by ops. Lists are text arrays so searches can test membership in SQL.
create table specialist (
    id                  uuid          primary key,
    subject             varchar(255)  unique,
    name                varchar(200)  not null,
    specialty           varchar(64)   not null,
    subspecialties      text[]        not null,
    conditions          text[]        not null,
    languages           text[]        not null,
    licence_countries   text[]        not null,
    practice_country    varchar(2)    not null,
    institution         varchar(200)  not null,
    monthly_capacity    integer       not null check (monthly_capacity >= 0),
    current_load        integer       not null check (current_load >= 0),
    absences            text[]        not null,
    turnaround_days     numeric(6, 2),
    active              boolean       not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);

-- Matching reads every specialist of one specialty; search filters by specialty most of the time.
create index specialist_specialty on specialist (specialty, id);
