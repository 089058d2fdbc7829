-- Ingestion logs are read newest first by ingestion_ts (the read API and RetrieveIngestionLogs
-- page on (ingestion_ts, id)), so the filter indexes end in ingestion_ts rather than created, and
-- the separate index on created goes: one index less to maintain per logged entity.
drop index if exists ingestion_log_state_idx;
drop index if exists ingestion_log_object_type_idx;
drop index if exists ingestion_log_producer_idx;
drop index if exists ingestion_log_created_idx;
create index ingestion_log_state_idx on ingestion_log (state, ingestion_ts);
create index ingestion_log_object_type_idx on ingestion_log (object_type, ingestion_ts);
create index ingestion_log_producer_idx on ingestion_log (producer_app_name, ingestion_ts);
