-- Who wrote, reviewed and released each report, by name as it was at the time (issue 12, item 8): the author from
-- the specialist directory (carried on specialist.accepted) or the author's token at submission, the personal
-- doctor from their token. Null for rows written before: the subject is shown.
alter table report add column specialist_name varchar(200);
alter table report add column reviewed_by_name varchar(200);
alter table report add column released_by varchar(200);
alter table report add column released_by_name varchar(200);
alter table report_version add column created_by_name varchar(200);
