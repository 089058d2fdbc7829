-- New objects logged compactly (issue 4), as unchanged repeats are since 0006. One ingestion_log
-- row per created or updated entity was ~17 us of PostgreSQL per entity, a third of a new object's
-- cost: seven index entries (four of them filter indexes), a speculative insert for the unique key,
-- and the row itself. Every entity without an error is now kept in a group of its request, object
-- type and state (APPLIED or NO_CHANGES), with its change set as one element of the group's
-- change_sets array; readers expand groups into per-entity logs exactly as they expand repeats.
-- ingestion_log keeps the FAILED entities (each with its error) and the undecodable requests.
alter table ingestion_log_repeat
  add column state text not null default 'NO_CHANGES' check (state in ('APPLIED', 'NO_CHANGES')),
  -- One element per entity, in entity order (the parallel arrays' order); JSON null for an entity
  -- without a change set. NULL when no entity of the group has one (the bare repeats of 0006).
  -- json, not jsonb: the text is only checked when written (building jsonb was half the cost of
  -- writing a group); readers cast the few elements they return to jsonb, so a change set reads
  -- back exactly as one stored as jsonb in ingestion_log does.
  add column change_sets json;
-- The state filter: most groups are bare repeats, which the time index serves with a filter.
create index ingestion_log_repeat_state_idx on ingestion_log_repeat (state, ingestion_ts) where state <> 'NO_CHANGES';

create or replace view ingestion_log_entry as
  select id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version,
    object_type, object_id, state, change_set, error, ingestion_ts, source_ts, created
  from ingestion_log
  union all
  select overlay(r.id::text placing lpad(to_hex(x.entity_index), 8, '0') from 29 for 8)::uuid,
    r.request_id, x.entity_index, r.producer_app_name, r.producer_app_version, r.sdk_name, r.sdk_version,
    r.object_type, x.object_id, r.state, nullif(x.change_set::jsonb, 'null'::jsonb), null::jsonb,
    r.ingestion_ts, x.source_ts, r.created
  from ingestion_log_repeat r
    cross join lateral rows from (unnest(r.entity_indexes), unnest(r.object_ids), unnest(r.source_ts), json_array_elements(r.change_sets))
      as x(entity_index, object_id, source_ts, change_set);
