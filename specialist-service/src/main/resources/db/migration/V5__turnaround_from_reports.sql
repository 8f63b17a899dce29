-- Average turnaround learnt from report-service: how many reports it averages, and which invitation has
-- been counted (once, at the first submitted version).
alter table specialist add column turnaround_reports integer not null default 0;
alter table invitation add column report_submitted_at timestamptz;
