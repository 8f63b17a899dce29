-- A generation number per specialty, moved on by every insert, update or delete of its specialists, so
-- matching can keep a specialty's candidates in memory and re-read them only when they changed. Values come
-- from a sequence (not transactional), so a rolled-back change never hands out a number that a later committed
-- change could reuse.
create sequence directory_generation_seq;

create table directory_generation (
    specialty   varchar(64) primary key,
    generation  bigint      not null
);

create function bump_directory_generation() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into directory_generation (specialty, generation)
        select s, nextval('directory_generation_seq') from (select distinct specialty as s from new_rows) changed
        on conflict (specialty) do update set generation = excluded.generation;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into directory_generation (specialty, generation)
        select s, nextval('directory_generation_seq') from (select distinct specialty as s from old_rows) changed
        on conflict (specialty) do update set generation = excluded.generation;
    end if;
    return null;
end
$$;

create trigger specialist_generation_insert after insert on specialist
    referencing new table as new_rows for each statement execute function bump_directory_generation();
create trigger specialist_generation_update after update on specialist
    referencing old table as old_rows new table as new_rows for each statement execute function bump_directory_generation();
create trigger specialist_generation_delete after delete on specialist
    referencing old table as old_rows for each statement execute function bump_directory_generation();
