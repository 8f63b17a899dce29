-- Upload is an aggregate with a guarded state (domain/Upload): its row gets an optimistic-lock version like the
-- other entities, so a completion and an expiry of the same upload cannot both win.
alter table upload add column version bigint not null default 0;
