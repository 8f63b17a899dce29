-- Issue 15: when an endpoint was disabled (after failing for days, or by hand), shown with the reason in its view,
-- so the partner reading its endpoint sees since when it gets nothing.
alter table webhook_endpoint add column disabled_at timestamptz;
