// Configuration of the server side (up, ingester, reconciler): one table of settings drives the
// YAML file keys, the TRIBUTARY_* environment variables, the command-line flags, validation and
// the help text, so the four can never disagree. Precedence: flag > environment > file > default.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'

type Kind = 'string' | 'int' | 'bool'

interface Setting {
  /** Dotted key in the YAML file; the env var is TRIBUTARY_ + key with dots as underscores. */
  key: string
  kind: Kind
  /** Long flag name without dashes, when the setting has one. */
  flag?: string
  default?: string | number | boolean
  min?: number
  max?: number
  help: string
}

export const SERVER_SETTINGS: readonly Setting[] = [
  { key: 'data_dir', kind: 'string', flag: 'data-dir', default: './.tributary', help: 'directory of the embedded database and queue' },
  { key: 'listen.host', kind: 'string', flag: 'host', default: '0.0.0.0', help: 'address to listen on' },
  { key: 'listen.port', kind: 'int', flag: 'port', default: 8080, min: 0, max: 65535, help: 'one port for gRPC, the token endpoint, the read API and metrics' },
  { key: 'public_url', kind: 'string', flag: 'public-url', help: 'base URL clients use to reach this server, for links in the read API' },
  { key: 'path_prefix', kind: 'string', flag: 'path-prefix', default: 'diode', help: 'path in front of gRPC methods and /auth/token, as in grpc://host:8080/diode' },
  { key: 'nats.url', kind: 'string', flag: 'nats', help: 'NATS server(s) with JetStream, e.g. nats://127.0.0.1:4222; embedded queue when unset' },
  { key: 'nats.stream', kind: 'string', default: 'TRIBUTARY_INGEST', help: 'JetStream stream holding ingest requests' },
  { key: 'nats.max_bytes', kind: 'int', default: 8 * 1024 ** 3, min: 1, help: 'stream size limit in bytes (a full stream answers RESOURCE_EXHAUSTED)' },
  { key: 'nats.max_age', kind: 'int', default: 7 * 24 * 3600, min: 0, help: 'stream message age limit in seconds (0 = none)' },
  { key: 'nats.replicas', kind: 'int', default: 1, min: 1, max: 5, help: 'stream replicas in a NATS cluster' },
  { key: 'postgres.url', kind: 'string', flag: 'postgres', help: 'PostgreSQL URL, e.g. postgres://tributary@db:5432/tributary; embedded PGlite when unset' },
  { key: 'tls.cert_file', kind: 'string', flag: 'tls-cert', help: 'PEM certificate chain; enables TLS (grpcs://, https://)' },
  { key: 'tls.key_file', kind: 'string', flag: 'tls-key', help: 'PEM private key of the certificate' },
  { key: 'tls.client_ca_file', kind: 'string', flag: 'tls-client-ca', help: 'PEM CA bundle; when set, clients must present a certificate it signed (mTLS)' },
  { key: 'auth.signing_key_file', kind: 'string', help: 'PEM EC P-256 key signing access tokens; generated and kept in the database when unset' },
  { key: 'auth.token_ttl', kind: 'int', default: 3600, min: 60, help: 'access token lifetime in seconds' },
  { key: 'auth.revocation_refresh', kind: 'int', default: 5, min: 1, max: 3600, help: 'seconds between reloads of the revoked clients: a revoked client\'s tokens stop working within this time' },
  { key: 'ingester.max_entities', kind: 'int', default: 10000, min: 1, help: 'most entities in one Ingest request' },
  { key: 'ingester.max_request_bytes', kind: 'int', default: 16 * 1024 * 1024, min: 1024, help: 'largest Ingest request in bytes' },
  { key: 'reconciler.batch_size', kind: 'int', default: 64, min: 1, max: 1024, help: 'queue messages applied per database transaction' },
  { key: 'reconciler.concurrency', kind: 'int', default: 2, min: 1, max: 64, help: 'batches applied at once, each in its own transaction' },
  { key: 'reconciler.worker_threads', kind: 'bool', default: true, help: 'with PostgreSQL, apply each batch in flight on a worker thread of its own (the embedded store applies on the main thread)' },
  { key: 'reconciler.max_attempts', kind: 'int', default: 5, min: 1, help: 'attempts before a failing request is logged FAILED and dropped from the queue' },
  { key: 'reconciler.ingestion_log_retention', kind: 'int', default: 14, min: 0, help: 'days of ingestion logs and received request bytes to keep (0 = forever); swept hourly' },
  { key: 'reconciler.change_log_retention', kind: 'int', default: 90, min: 0, help: 'days of change log (object changes) to keep (0 = forever), as NetBox\'s CHANGELOG_RETENTION' },
  { key: 'log_level', kind: 'string', flag: 'log-level', help: 'pino level: trace, debug, info, warn, error (default info; warn in a terminal)' }
]

export interface ServerConfig {
  dataDir: string
  host: string
  port: number
  publicUrl?: string
  pathPrefix: string
  nats?: { url: string, stream: string, maxBytes: number, maxAgeSeconds: number, replicas: number }
  postgresUrl?: string
  tls?: { certFile: string, keyFile: string, clientCaFile?: string }
  signingKeyFile?: string
  tokenTtlSeconds: number
  /** ms between reloads of the revoked clients (the file, env and flag give seconds; tests set ms). */
  revocationRefreshInterval: number
  maxEntities: number
  maxRequestBytes: number
  batchSize: number
  /** Batches applied at once. */
  concurrency: number
  /** With PostgreSQL, apply batches on worker threads (reconciler/apply-workers.ts). */
  workerThreads: boolean
  maxAttempts: number
  /** Days of ingestion logs and request bytes kept; 0 = forever. */
  ingestionLogRetentionDays: number
  /** Days of change log kept; 0 = forever. */
  changeLogRetentionDays: number
  /** Set only when configured; commands pick a default that suits where their output goes. */
  logLevel?: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
  readonly code = 'ERR_CONFIG'
}

export function envName (key: string): string {
  return 'TRIBUTARY_' + key.replace(/\./g, '_').toUpperCase()
}

/** parseArgs option definitions for every setting with a flag, plus --config. */
export function serverFlagOptions (): Record<string, { type: 'string' }> {
  const out: Record<string, { type: 'string' }> = { config: { type: 'string' } }
  for (const s of SERVER_SETTINGS) if (s.flag) out[s.flag] = { type: 'string' }
  return out
}

/** Help lines for the flags and environment variables, for the commands' --help. */
export function serverSettingsHelp (): string {
  const rows = SERVER_SETTINGS.map((s) => [s.flag ? `--${s.flag}` : '', envName(s.key), s.help + (s.default !== undefined ? ` (default ${s.default})` : '')])
  const w0 = Math.max(...rows.map((r) => r[0].length))
  const w1 = Math.max(...rows.map((r) => r[1].length))
  return rows.map((r) => `  ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`).join('\n')
}

function flatten (value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else {
    out.set(prefix, value)
  }
}

function coerce (s: Setting, raw: unknown, source: string): string | number | boolean {
  const where = `${s.key} (from ${source})`
  if (s.kind === 'string') {
    if (typeof raw !== 'string' && typeof raw !== 'number') throw new ConfigError(`${where}: expected a string, got ${typeof raw}`)
    return String(raw)
  }
  if (s.kind === 'bool') {
    if (typeof raw === 'boolean') return raw
    if (/^(true|1|yes|on)$/i.test(String(raw))) return true
    if (/^(false|0|no|off)$/i.test(String(raw))) return false
    throw new ConfigError(`${where}: expected true or false, got "${String(raw)}"`)
  }
  const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw).trim()) ? Number(raw) : Number.NaN
  if (!Number.isInteger(n)) throw new ConfigError(`${where}: expected an integer, got "${String(raw)}"`)
  if (s.min !== undefined && n < s.min) throw new ConfigError(`${where}: ${n} is below the minimum ${s.min}`)
  if (s.max !== undefined && n > s.max) throw new ConfigError(`${where}: ${n} is above the maximum ${s.max}`)
  return n
}

export interface LoadServerConfigInput {
  /** Parsed flag values by flag name (from parseArgs). */
  flags?: Record<string, string | boolean | undefined>
  env?: NodeJS.ProcessEnv
  /** Defaults that differ for one command, by setting key (e.g. the reconciler's own port). */
  defaults?: Record<string, string | number | boolean>
}

/** Resolves the server configuration from --config FILE, environment and flags; throws ConfigError naming the key. */
export function loadServerConfig (input: LoadServerConfigInput = {}): ServerConfig {
  const flags = input.flags ?? {}
  const env = input.env ?? process.env
  const values = new Map<string, string | number | boolean>()
  for (const s of SERVER_SETTINGS) if (s.default !== undefined) values.set(s.key, s.default)
  for (const [key, value] of Object.entries(input.defaults ?? {})) values.set(key, value)

  const file = (flags.config as string | undefined) ?? env.TRIBUTARY_CONFIG
  if (file) {
    let doc: unknown
    try {
      doc = parseYaml(readFileSync(file, 'utf8'))
    } catch (cause) {
      throw new ConfigError(`config file ${file}: ${(cause as Error).message}`, { cause })
    }
    const flat = new Map<string, unknown>()
    flatten(doc ?? {}, '', flat)
    for (const [key, raw] of flat) {
      const s = SERVER_SETTINGS.find((x) => x.key === key)
      if (!s) throw new ConfigError(`${key} (from ${file}): unknown setting; known: ${SERVER_SETTINGS.map((x) => x.key).join(', ')}`)
      if (raw !== null && raw !== undefined) values.set(key, coerce(s, raw, file))
    }
  }
  for (const s of SERVER_SETTINGS) {
    const raw = env[envName(s.key)]
    if (raw !== undefined && raw !== '') values.set(s.key, coerce(s, raw, envName(s.key)))
  }
  for (const s of SERVER_SETTINGS) {
    const raw = s.flag ? flags[s.flag] : undefined
    if (raw !== undefined) values.set(s.key, coerce(s, raw, `--${s.flag}`))
  }

  const str = (k: string) => values.get(k) as string | undefined
  const int = (k: string) => values.get(k) as number
  const certFile = str('tls.cert_file')
  const keyFile = str('tls.key_file')
  if (Boolean(certFile) !== Boolean(keyFile)) throw new ConfigError('tls: cert_file and key_file go together; set both or neither')
  if (str('tls.client_ca_file') && !certFile) throw new ConfigError('tls.client_ca_file: client certificates need TLS; set tls.cert_file and tls.key_file')
  const prefix = (str('path_prefix') ?? '').replace(/^\/+|\/+$/g, '')
  if (!/^[\w.-]*(\/[\w.-]+)*$/.test(prefix)) throw new ConfigError(`path_prefix: "${prefix}" is not a URL path`)
  const natsUrl = str('nats.url')
  return {
    dataDir: resolve(str('data_dir') ?? '.tributary'),
    host: str('listen.host') ?? '0.0.0.0',
    port: int('listen.port'),
    publicUrl: str('public_url'),
    pathPrefix: prefix,
    nats: natsUrl
      ? { url: natsUrl, stream: str('nats.stream') ?? 'TRIBUTARY_INGEST', maxBytes: int('nats.max_bytes'), maxAgeSeconds: int('nats.max_age'), replicas: int('nats.replicas') }
      : undefined,
    postgresUrl: str('postgres.url'),
    tls: certFile && keyFile ? { certFile, keyFile, clientCaFile: str('tls.client_ca_file') } : undefined,
    signingKeyFile: str('auth.signing_key_file'),
    tokenTtlSeconds: int('auth.token_ttl'),
    revocationRefreshInterval: int('auth.revocation_refresh') * 1000,
    maxEntities: int('ingester.max_entities'),
    maxRequestBytes: int('ingester.max_request_bytes'),
    batchSize: int('reconciler.batch_size'),
    concurrency: int('reconciler.concurrency'),
    workerThreads: values.get('reconciler.worker_threads') as boolean,
    maxAttempts: int('reconciler.max_attempts'),
    ingestionLogRetentionDays: int('reconciler.ingestion_log_retention'),
    changeLogRetentionDays: int('reconciler.change_log_retention'),
    logLevel: str('log_level')
  }
}
