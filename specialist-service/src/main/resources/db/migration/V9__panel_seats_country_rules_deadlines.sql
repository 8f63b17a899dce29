-- Issue 12: panels of seats (a specialty and optional focus each), country rules for the panel as a whole,
-- and deadlines that follow the case's urgency, with one reminder per invitation before it expires.
alter table panel_request
    add column seats                 jsonb,
    add column excluded_countries    jsonb   not null default '[]',
    add column min_outside_residence integer not null default 0,
    add column accept_within_hours   integer,
    add column report_within_hours   integer,
    add column short_seats           jsonb   not null default '[]';

-- Panels requested before seats had panel_size seats of their one specialty and subspecialty.
update panel_request p
set seats = (select jsonb_agg(jsonb_build_object('number', n, 'specialty', p.specialty, 'focus', p.subspecialty)
                              order by n)
             from generate_series(1, p.panel_size) n);
alter table panel_request alter column seats set not null;

alter table invitation
    add column seat                integer,
    add column seat_specialty      varchar(64),
    add column seat_focus          varchar(64),
    add column report_within_hours integer,
    add column report_due_by       timestamptz,
    add column remind_at           timestamptz,
    add column reminded_at         timestamptz;

-- An invitation that holds a seat (pending or accepted) gets one: a panel has at most panel_size of them.
-- Earlier answers (declined, expired, ...) keep none; they held no seat in particular.
update invitation i
set seat = numbered.n
from (select id, row_number() over (partition by case_id order by invited_at, id) as n
      from invitation where state in ('INVITED', 'ACCEPTED')) numbered
where i.id = numbered.id;
update invitation i set seat_specialty = p.specialty, seat_focus = p.subspecialty
from panel_request p where p.case_id = i.case_id and i.seat is not null;

create index invitation_pending_reminder on invitation (remind_at) where state = 'INVITED' and reminded_at is null;
