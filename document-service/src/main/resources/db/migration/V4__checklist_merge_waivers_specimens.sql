-- Issue 12 item 5: one checklist from the plan's defaults and the personal doctor's requests, waivers, and
-- specimens as checklist items with their destination and both legs of tracking.

-- Who asked for an item: the specialty template, a record request (by which personal doctor), or both.
alter table checklist_item add column sources jsonb not null default '[]';
update checklist_item set sources = jsonb_build_array(source);
alter table checklist_item add column requested_by varchar(255);
-- A waived item (state WAIVED): who waived it and when; the reason is kept in "reason" like a rejection's.
alter table checklist_item add column waived_by varchar(255);
alter table checklist_item add column waived_at timestamptz;
-- The specimen an item tracks (code SPECIMEN_<n>), or null for documents.
alter table checklist_item add column specimen_id uuid;

-- Every published checklist state (consilium.document.checklist-changed.v1) has the next revision, so a
-- consumer keeps the latest even when an older one is replayed.
alter table case_file add column checklist_revision bigint not null default 0;

-- Where a specimen goes, and its way back.
alter table specimen add column destination_institution varchar(200);
alter table specimen add column destination_recipient varchar(200);
alter table specimen add column return_carrier varchar(100);
alter table specimen add column return_tracking_id varchar(100);
alter table specimen add column return_shipped_at timestamptz;
alter table specimen add column checklist_item_id uuid;
