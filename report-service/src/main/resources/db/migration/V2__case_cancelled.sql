-- When case-service cancelled the case (consilium.case.cancelled.v1): its reports take no more changes.
alter table case_file add column cancelled_at timestamptz;
