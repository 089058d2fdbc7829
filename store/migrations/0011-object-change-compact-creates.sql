-- A created row's change record kept compact (issue 4). to_jsonb() of a whole new row was the
-- largest part of creating an interface or an address: ~10-15 us of PostgreSQL per row, more
-- than inserting the row itself, because it renders every one of the table's ~30 columns. The
-- rows one statement creates differ only in the columns it wrote (the rest took the same
-- defaults, now() included, within one transaction), so the first row's record keeps the whole
-- row and each other record keeps only its written columns (its id, what the producer sent, the
-- generated columns) with postchange_base naming the full record. Readers use the
-- object_change_entry view, which puts each compact record back together (the base's data
-- overlaid with the record's own), exactly as to_jsonb() of the new row would have given.
-- Retention deletes compact records before the records they name (reconciler/retention.ts).
alter table object_change add column postchange_base bigint;

create view object_change_entry as
  select c.id, c.time, c.user_name, c.request_id, c.action, c.object_type, c.object_id, c.object_repr, c.prechange_data,
    -- A record whose base is gone (deleted by hand) shows what it holds rather than nothing.
    case when b.id is null then c.postchange_data else b.postchange_data || c.postchange_data end as postchange_data
  from object_change c
    left join object_change b on b.id = c.postchange_base;
