-- Hibernate binds list parameters as varchar[]; PostgreSQL has no text[] @> varchar[] operator, so the array
-- columns searched with array_contains become varchar[] (same content, no data change).
alter table specialist
    alter column subspecialties type varchar[],
    alter column conditions type varchar[],
    alter column languages type varchar[],
    alter column licence_countries type varchar[],
    alter column absences type varchar[];
alter table panel_request alter column allowed_countries type varchar[];
alter table case_consent
    alter column specialist_subjects type varchar[],
    alter column countries type varchar[];
alter table provider alter column languages type varchar[];
