-- The patient's preferred language (case.submitted), for the messages sent to them.
alter table case_file add column language varchar(8);
