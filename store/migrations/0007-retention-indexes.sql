-- Retention (reconciler/retention.ts) deletes what is past its window in small chunks, oldest
-- first; each chunk must find its rows without scanning the table. ingestion_log,
-- ingestion_log_repeat and object_change already have time indexes; the request bytes did not.
-- entity_fingerprint gets none on purpose: an index on `updated` would make every fingerprint
-- upsert a non-HOT update on the hot path; its sweep is one pass over the table per interval.
create index ingestion_request_created_idx on ingestion_request (created);
