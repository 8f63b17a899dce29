-- Who acted, by name and role as it was at the time of the action (issue 12, item 8), not only a subject.
-- The access log takes the name from the audit record (the actor's token); older records have none (null: the
-- subject is shown).
alter table access_log_entry add column actor_name varchar(200);

-- The timeline names the actor where the event says who acted (another service's event) or where case-service
-- itself knew the caller (its own events: case_event_actor below). Null columns: the system acted, or the event
-- does not say.
alter table case_timeline_entry add column actor_subject varchar(200);
alter table case_timeline_entry add column actor_role varchar(50);
alter table case_timeline_entry add column actor_name varchar(200);

-- The caller behind each event case-service publishes, kept in the same transaction as the outbox row, so the
-- timeline can name them without putting a patient's name on the topic (events carry no patient names).
create table case_event_actor (
    event_id  uuid         primary key,
    subject   varchar(200) not null,
    role      varchar(50)  not null,
    name      varchar(200)
);

-- In-network providers (issue 12, item 7): the treatments they offer (catalogue codes) and the plan networks
-- they belong to, as provider-changed announces them; providers announced before carry none until replaced.
alter table network_provider add column treatments jsonb not null default '[]';
alter table network_provider add column networks jsonb not null default '[]';

-- A follow-up outcome may name the treatment chosen by catalogue code; with a provider, the provider must offer it.
alter table follow_up add column treatment_code varchar(64);
