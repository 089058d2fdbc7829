-- Unchanged repeats logged compactly (issue 4). Every scheduled run of every agent sends mostly
-- what it sent last time, and one ingestion_log row per such entity made the log the biggest cost
-- of a repeat and the fastest-growing table (10,000 devices x 100 entities every 5 minutes is
-- nearly 300 million rows a day). Entities that ended NO_CHANGES with nothing to say beyond that
-- (no change set, no warning, no error) are now kept as one row per request and object type,
-- with their entity indexes, objects and source times as arrays. Readers expand them back into
-- per-entity logs (reconciler/read-api/ingestion-log-query.ts, and the ingestion_log_entry view
-- below for SQL users); every other outcome still gets its own ingestion_log row.
create table ingestion_log_repeat (
  -- A UUIDv7 whose last 32 bits are zero: entity i of the group reads back as this id with those
  -- bits set to i, so each expanded log keeps a stable id of its own.
  id uuid primary key,
  request_id text not null,
  producer_app_name text not null default '',
  producer_app_version text not null default '',
  sdk_name text not null default '',
  sdk_version text not null default '',
  object_type text not null,
  -- Parallel arrays, one element per entity, in entity order.
  entity_indexes integer[] not null,
  object_ids bigint[] not null,
  source_ts timestamptz[] not null,
  ingestion_ts timestamptz not null default now(),
  created timestamptz not null default now(),
  -- The first entity index identifies the group within its request: a request split into
  -- several queue messages logs one group per part and type.
  first_index integer not null
);
-- A redelivered request logs its repeats once (the writer inserts with on conflict do nothing).
create unique index ingestion_log_repeat_key on ingestion_log_repeat (request_id, object_type, first_index);
create index ingestion_log_repeat_ingestion_ts_idx on ingestion_log_repeat (ingestion_ts);
create index ingestion_log_repeat_object_type_idx on ingestion_log_repeat (object_type, ingestion_ts);
create index ingestion_log_repeat_producer_idx on ingestion_log_repeat (producer_app_name, ingestion_ts);

-- Every entity's log, one row each, as it was before repeats were compacted: for people and tools
-- querying the database directly.
create view ingestion_log_entry as
  select id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version,
    object_type, object_id, state, change_set, error, ingestion_ts, source_ts, created
  from ingestion_log
  union all
  select overlay(r.id::text placing lpad(to_hex(x.entity_index), 8, '0') from 29 for 8)::uuid,
    r.request_id, x.entity_index, r.producer_app_name, r.producer_app_version, r.sdk_name, r.sdk_version,
    r.object_type, x.object_id, 'NO_CHANGES', null::jsonb, null::jsonb, r.ingestion_ts, x.source_ts, r.created
  from ingestion_log_repeat r
    cross join lateral unnest(r.entity_indexes, r.object_ids, r.source_ts) as x(entity_index, object_id, source_ts);
