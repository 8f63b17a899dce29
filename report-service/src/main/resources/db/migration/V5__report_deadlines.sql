-- Report deadlines (issue 12 leftovers): the report is due by the time specialist-service set when the specialist
-- accepted (the plan's hours to report for the case's urgency, carried on specialist.accepted as reportDueBy; null
-- for acceptances without it). A report not submitted by then is flagged once (overdue_at, and
-- consilium.report.overdue.v1 for the timeline and notifications); a later submission is still taken, marked late.
alter table report add column due_by timestamptz;
alter table report add column overdue_at timestamptz;
create index report_due_unsubmitted on report (due_by) where overdue_at is null and latest_version = 0;
