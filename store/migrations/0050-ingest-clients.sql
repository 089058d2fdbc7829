-- Ingestion clients (OAuth2 client credentials) and the token signing key (issue 3).
-- Owned by the ingester: migrations 0050-0059.

create table ingest_client (
  client_id text primary key,
  name text not null,
  -- scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>; the secret itself is never stored.
  secret_hash text not null,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- The ES256 key that signs access tokens, made on first start when none is configured.
-- Several ingesters sharing one database verify each other's tokens because they share this row.
create table token_signing_key (
  kid text primary key,
  algorithm text not null,
  private_key_pem text not null,
  public_key_pem text not null,
  created_at timestamptz not null default now()
);
