-- Requests split to fit the queue (NATS takes 1 MiB per message by default; the Diode SDKs send
-- up to 3 MiB). The ingester publishes a large request as parts, each a valid IngestRequest with
-- a consecutive run of the original's entities; the reconciler stores each part's bytes, keyed by
-- the request id and the original index of the part's first entity. A log row (request_id,
-- entity_index) finds its entity in the part with the greatest entity_offset <= entity_index, at
-- entity_index - entity_offset. A request received whole is one part at offset 0, which is what
-- every row stored before this migration becomes.
alter table ingestion_request add column entity_offset integer not null default 0;
alter table ingestion_request drop constraint ingestion_request_pkey;
alter table ingestion_request add primary key (request_id, entity_offset);
