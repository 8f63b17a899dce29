-- When the case was cancelled or closed (consilium.case.cancelled.v1 / closed.v1): specialists' access ends.
alter table case_file add column ended_at timestamptz;
