-- Issue 12, item 1: every question of the specialists' brief (consilium.case.brief-changed.v1), the patient's own
-- free-text ones included with the personal doctor's translation; once a brief has arrived, a report answers
-- each of these (standard ones by code, own ones by id) instead of the codes of case.submitted.
alter table case_file add column brief_questions jsonb not null default '[]'::jsonb;
alter table case_file add column brief_changed_at timestamptz;
