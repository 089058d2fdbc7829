-- Unchanged repeats made cheap without trusting a cache (issue 4, DESIGN.md "a content hash may make
-- a no-change entity cheap, but it must still be re-checked against the store"): for an entity
-- whose content (timestamp excluded) was applied before, the rows it resolved to and their row
-- versions (xmin) at the end of that batch. A repeat whose rows all still carry those versions
-- cannot differ from the store, since any write to a row, by hand or not, gives it a new xmin;
-- one row edited, deleted or recreated and the entity takes the full match/diff/apply path.
create table entity_fingerprint (
  -- sha-256 (base64) of the Entity member's name and its content as decoded.
  hash text primary key,
  -- The entity's own object (the log's object_id).
  object_id bigint,
  -- Flat [table, id, xmin, table, id, xmin, ...], e.g. ["interface", 42, 1234, "device", 7, 1230].
  objects jsonb not null,
  updated timestamptz not null default now()
);
