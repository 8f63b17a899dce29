-- In-network treatment providers of a tenant (insurer): facilities and doctors for the follow-up.
create table provider (
    id          uuid          primary key,
    tenant      varchar(100)  not null,
    kind        varchar(20)   not null,
    name        varchar(200)  not null,
    specialty   varchar(64)   not null,
    city        varchar(100)  not null,
    country     varchar(2)    not null,
    languages   text[]        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null
);
create index provider_tenant on provider (tenant, specialty, country);
