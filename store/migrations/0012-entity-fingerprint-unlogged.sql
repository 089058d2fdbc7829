-- Fingerprints (0004) are a cache: each says which rows, at which versions, an entity's content
-- was last applied to, and a repeat is checked against the rows before it is trusted. Losing
-- them costs one full match/diff per entity and nothing else. So they are kept out of the WAL
-- (~2.5 us of PostgreSQL per new entity, and WAL a commit waits for): PostgreSQL empties an
-- unlogged table after a crash, and a standby does not have it, which for a cache is right.
alter table entity_fingerprint set unlogged;
