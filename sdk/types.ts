// The SDK's public contract, shared by the gRPC client and the dry-run client.
import type { Logger } from 'pino'
import type { Entity } from '../proto/index.ts'
import type { ParsedTarget } from './target.ts'

export interface IngestOptions {
  /** Stream name the server files the request under (default "latest"). */
  stream?: string
  /** Request-level metadata, a JSON-like object sent as google.protobuf.Struct. */
  metadata?: Record<string, unknown>
  /** Deadline of each Ingest call (one chunk, one attempt) in ms (default 30000). */
  timeout?: number
  /** Aborts the whole ingest: calls in flight are cancelled, no more chunks are sent. */
  signal?: AbortSignal
}

export interface IngestResult {
  /** Errors the server reported in its IngestResponse(s), in chunk order. */
  errors: string[]
  /** One request id (UUIDv4) per chunk sent, in order. */
  requestIds: string[]
}

export interface Ingestor {
  ingest (entities: Entity[], options?: IngestOptions): Promise<IngestResult>
  close (): Promise<void>
}

export interface ClientOptions {
  /** grpc://host:port/path or http:// (plaintext), grpcs:// or https:// (TLS); port 80/443 when missing. */
  target: string
  /** Producer application name, sent as producer_app_name and in the user agent. */
  appName: string
  /** Producer application version. */
  appVersion: string
  /** OAuth2 client id (default DIODE_CLIENT_ID). */
  clientId?: string
  /** OAuth2 client secret (default DIODE_CLIENT_SECRET); never logged. */
  clientSecret?: string
  /** PEM CA bundle to trust for gRPC and the token call (default DIODE_CERT_FILE, else Node's roots). */
  certFile?: string
  /** Keep TLS but skip certificate verification (default DIODE_SKIP_TLS_VERIFY=true|1|yes|on). */
  skipTlsVerify?: boolean
  /** Token call attempts on 429/500/502/503 or network errors (default DIODE_MAX_AUTH_RETRIES, else 3). */
  maxAuthRetries?: number
  /** Largest request in bytes (default 3 MiB). */
  maxChunkBytes?: number
  /** Retries per chunk on UNAVAILABLE, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED (default 3). */
  retries?: number
  /** Backoff in ms between retries (defaults 1000 doubling to 30000, with jitter). */
  backoff?: { initial?: number, max?: number }
  /** Parent logger; the SDK logs under child({ component: 'sdk' }). Silent when omitted. */
  logger?: Logger
}

export interface DryRunClientOptions {
  /** Producer application name; also the file name prefix (default "dryrun"). */
  appName: string
  /** Producer application version (default "0.0.0"). */
  appVersion?: string
  /** Directory for the JSON files (default DIODE_DRY_RUN_OUTPUT_DIR, else stdout). */
  outputDir?: string
}

export type { ParsedTarget }
