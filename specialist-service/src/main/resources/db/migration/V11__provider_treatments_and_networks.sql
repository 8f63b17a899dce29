-- What an in-network provider offers (issue 12, item 7): treatments by catalogue code (catalogues/treatments.csv)
-- plus the provider's own words, the plan networks it belongs to, and optionally where it is, so a search can rank
-- by distance. varchar[] like the other searched arrays (V4).
alter table provider add column treatments varchar[] not null default '{}';
alter table provider add column treatments_text varchar(2000);
alter table provider add column networks varchar[] not null default '{}';
alter table provider add column latitude double precision;
alter table provider add column longitude double precision;
alter table provider add constraint provider_coordinates_together
    check ((latitude is null) = (longitude is null));
