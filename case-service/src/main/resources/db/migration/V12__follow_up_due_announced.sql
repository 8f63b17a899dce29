-- Issue 15: a follow-up whose due time passed without an outcome is announced once (consilium.case.follow-up-due.v1);
-- the instant it was announced is kept so no run, on any instance, announces it again.
alter table follow_up add column due_announced_at timestamptz;
create index follow_up_unannounced on follow_up (due_at) where recorded_at is null and due_announced_at is null;
