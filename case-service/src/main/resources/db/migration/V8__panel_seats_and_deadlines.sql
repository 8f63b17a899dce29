-- Issue 12 (panels across specialties and countries, deadlines that follow urgency).
-- A plan's invitation and report deadlines per urgency, in hours; the defaults are what every plan had so far
-- in specialist-service (48 h to accept) with an urgent lane of 24 h.
alter table plan
    add column urgent_accept_hours  integer not null default 24  check (urgent_accept_hours between 1 and 720),
    add column routine_accept_hours integer not null default 48  check (routine_accept_hours between 1 and 720),
    add column urgent_report_hours  integer not null default 72  check (urgent_report_hours between 1 and 2880),
    add column routine_report_hours integer not null default 168 check (routine_report_hours between 1 and 2880);

-- The seats and country rules a review was requested with (null for reviews requested before seats existed:
-- those had panel_size seats of review_specialty).
alter table smo_case
    add column review_seats         jsonb,
    add column review_country_rules jsonb;
