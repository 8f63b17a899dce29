-- Providers added before provider-changed events existed: publish one event each through the outbox, so the
-- services that check provider ids (case-service's follow-up outcomes) know every provider, old and new.
insert into outbox_event (event_id, topic, kafka_key, type, source, subject, tenant, occurred_at, payload)
select gen_random_uuid(), 'consilium.specialist.events', p.id::text, 'consilium.specialist.provider-changed.v1',
       '/specialist-service', p.id::text, p.tenant, now(),
       jsonb_build_object('providerId', p.id, 'tenant', p.tenant, 'kind', p.kind, 'specialty', p.specialty,
                          'country', p.country, 'changedAt', to_char(p.updated_at at time zone 'UTC',
                                                                     'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
from provider p
order by p.created_at, p.id;
