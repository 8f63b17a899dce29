-- In-network providers as specialist-service announces them (provider-changed events): only what the checks
-- of a provider id need, its tenant.
create table network_provider (
    id          uuid         primary key,
    tenant      varchar(100) not null,
    changed_at  timestamptz  not null
);
