-- Issue 12, items 1 and 2: the patient's own questions get ids (so reports can answer each one and the
-- personal doctor can keep a translation beside the original), and the brief gets what the personal doctor
-- writes for the specialists: the history, an age band and the sex (no birth date is ever kept).
alter table smo_case add column own_questions jsonb not null default '[]'::jsonb;

-- Today's free-text questions become own questions with a fresh id each, in their order; no translation yet.
update smo_case c
   set own_questions = coalesce((
       select jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'text', q.text) order by q.pos)
         from jsonb_array_elements_text(c.other_questions) with ordinality as q(text, pos)), '[]'::jsonb);

alter table smo_case drop column other_questions;

alter table smo_case add column history varchar(8000);
alter table smo_case add column age_band varchar(20);
alter table smo_case add column sex varchar(10);
-- Set when the brief first went to the specialists (with the first review request): from then on only the
-- personal doctor changes questions and reasons, and each change is published again.
alter table smo_case add column brief_shared_at timestamptz;
