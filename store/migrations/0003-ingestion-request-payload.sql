-- Throughput of the reconciler (issue 4). The ingestion log kept a jsonb copy of every entity, the
-- biggest part of each log row. The request as received (its protobuf bytes) is now kept once per
-- request, and a log row points at it by (request_id, entity_index); readers decode the entity on
-- read. Rows logged before this migration keep their `entity` column, which readers still prefer.
create table ingestion_request (
  request_id text primary key,
  -- diode.v1.IngestRequest exactly as the ingester accepted it (or as re-encoded when the
  -- reconciler was handed a decoded request).
  payload bytea not null,
  created timestamptz not null default now()
);

-- Asked for by the read API (filters interface_id on MAC addresses, nat_inside on addresses).
create index mac_address_interface_idx on mac_address (interface_id) where interface_id is not null;
create index ip_address_nat_inside_idx on ip_address (nat_inside_id) where nat_inside_id is not null;
