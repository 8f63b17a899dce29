-- A plan's non-working days (ISO dates, UTC) that SLA clocks skip, like weekends.
alter table plan add column holidays jsonb not null default '[]';

-- Each clock keeps when its budget ends, computed once at start with the calendar then in force, so a later
-- change to the plan's holidays never moves a running clock. Existing clocks: weekdays only, as before.
alter table sla_clock add column budget_ends_at timestamptz;
update sla_clock c set budget_ends_at = coalesce((
    select d from generate_series(c.started_at + interval '1 day',
                                  c.started_at + (c.budget_business_days * 2 + 7) * interval '1 day',
                                  interval '1 day') d
    where extract(isodow from d at time zone 'UTC') < 6
    order by d offset c.budget_business_days - 1 limit 1), c.started_at);
alter table sla_clock alter column budget_ends_at set not null;
