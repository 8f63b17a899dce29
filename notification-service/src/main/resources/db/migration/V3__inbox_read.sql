-- The in-app inbox is the INBOX channel's delivery rows: when the person read an item.
alter table delivery add column read_at timestamptz;
create index delivery_unread on delivery (recipient, channel) where read_at is null;
