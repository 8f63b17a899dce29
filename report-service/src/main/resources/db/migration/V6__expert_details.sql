-- Issue 13: the patient's summary names each expert by name, specialty, institution and country. They come from
-- specialist.accepted (the directory's entry at acceptance: country since issue 7, specialty and institution since
-- issue 13); null for reports opened from older events, which the summary then leaves out rather than guesses.
alter table report add column specialist_specialty varchar(200);
alter table report add column specialist_institution varchar(300);
alter table report add column specialist_country varchar(2);
