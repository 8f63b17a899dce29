-- Issue 12 leftovers: the brief's list of records is the case's one checklist as document-service publishes it
-- (consilium.document.checklist-changed.v1: the plan's default items, the personal doctor's requests and the
-- specimens, merged and normalised there, each with its status), no longer the doctor's records-requested items
-- alone. The latest revision per case is kept; an older one arriving late is ignored.
create table case_checklist (
    case_id     uuid          primary key,
    tenant      varchar(100)  not null,
    revision    bigint        not null,
    items       jsonb         not null,
    changed_at  timestamptz   not null
);

-- What the brief showed so far (records-requested) stays until document-service's next change replaces it:
-- revision 0, asked for and nothing known of its state.
insert into case_checklist (case_id, tenant, revision, items, changed_at)
select i.case_id, b.tenant, 0,
       jsonb_agg(jsonb_build_object('itemId', null, 'code', i.code, 'kind', 'RECORD', 'label', i.label,
                                    'required', i.required, 'status', 'REQUESTED') order by i.code),
       now()
from case_record_item i join case_brief b on b.case_id = i.case_id
group by i.case_id, b.tenant;

drop table case_record_item;
