-- The two values of the ingestion logs above PostgreSQL's 2 kB TOAST threshold, a request's bytes
-- (~11 kB for a device with 96 components) and a group's change sets (~10 kB for 48 interfaces),
-- were compressed with pglz, the most expensive step of logging once the logs were grouped
-- (a quarter of the statement's CPU). lz4 compresses them ~9x instead of ~10-14x at a fraction
-- of the CPU. It applies to values written from now on; stored values stay as they are and read
-- the same. A server built without lz4 (PGlite, some PostgreSQL builds) keeps pglz.
do $$
begin
  alter table ingestion_request alter column payload set compression lz4;
  alter table ingestion_log_repeat alter column change_sets set compression lz4;
exception when feature_not_supported then
  null;
end
$$;
