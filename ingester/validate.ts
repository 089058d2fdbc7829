// Checks a decoded IngestRequest before it is queued. A failure throws ValidationError (gRPC
// INVALID_ARGUMENT) whose message names the request id and, for an entity, its index and the
// field path. Entity types the reconciler does not handle yet are not failures: they come back as
// soft errors for IngestResponse.errors, so nothing is dropped silently.
import { entityTypeOf } from '../proto/index.ts'
import { ValidationError } from './errors.ts'

/** Entities per request, as Diode documents for its SDKs' chunking. */
export const DEFAULT_MAX_ENTITIES = 10_000
/** Characters in any one string field (NetBox text columns are far shorter; this bounds abuse). */
export const DEFAULT_MAX_STRING_LENGTH = 65_536
/** ms an entity timestamp may lie ahead of this machine's clock. */
export const DEFAULT_MAX_CLOCK_SKEW = 5 * 60_000
/** Characters of the request envelope's names (Diode's declared bound). */
const MAX_NAME_LENGTH = 255
/** Nesting depth of messages inside one entity. */
const MAX_DEPTH = 32
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface ValidationOptions {
  maxEntities?: number
  maxStringLength?: number
  /** ms */
  maxClockSkew?: number
  /** Entity members the reconciler handles; others are accepted and reported. All when omitted. */
  reconciledTypes?: ReadonlySet<string>
}

export interface ValidationResult {
  entityCount: number
  /** Soft, per-entity errors for IngestResponse.errors. */
  errors: string[]
}

type Msg = Record<string, unknown>

function quote (s: string): string {
  return JSON.stringify(s.length > 64 ? `${s.slice(0, 64)}...` : s)
}

function toMillis (ts: Msg): number | undefined {
  const s = ts.seconds
  const seconds = typeof s === 'number' ? s : s === undefined || s === null ? 0 : Number(String(s))
  const nanos = typeof ts.nanos === 'number' ? ts.nanos : 0
  if (!Number.isFinite(seconds) || nanos < 0 || nanos > 999_999_999) return undefined
  return seconds * 1000 + nanos / 1e6
}

/** Validates `request` (a protobufjs-decoded diode.v1.IngestRequest). */
export function validateIngestRequest (request: Msg, options: ValidationOptions = {}, now = Date.now()): ValidationResult {
  const maxEntities = options.maxEntities ?? DEFAULT_MAX_ENTITIES
  const maxString = options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH
  const skew = options.maxClockSkew ?? DEFAULT_MAX_CLOCK_SKEW
  const id = typeof request.id === 'string' ? request.id : ''
  const where = id ? `request ${quote(id)}` : 'request (no id)'
  const fail = (message: string): never => { throw new ValidationError(`${where}: ${message}`) }

  if (!id) fail('id is required')
  if (!UUID.test(id)) fail('id must be a UUID')
  for (const field of ['producer_app_name', 'producer_app_version', 'sdk_name', 'sdk_version'] as const) {
    const v = request[field]
    if (typeof v !== 'string' || v === '') fail(`${field} is required`)
    if ((v as string).length > MAX_NAME_LENGTH) fail(`${field} is ${(v as string).length} characters; the limit is ${MAX_NAME_LENGTH}`)
  }
  if (typeof request.stream === 'string' && request.stream.length > MAX_NAME_LENGTH) {
    fail(`stream is ${request.stream.length} characters; the limit is ${MAX_NAME_LENGTH}`)
  }
  if (request.metadata) checkStrings(request.metadata, 'metadata', 0, maxString, fail)

  const entities = Array.isArray(request.entities) ? request.entities as Msg[] : []
  if (entities.length === 0) fail('entities is empty; at least one entity is required')
  if (entities.length > maxEntities) fail(`${entities.length} entities; the limit is ${maxEntities} (maxEntities); split the request`)

  const errors: string[] = []
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!
    const at = (message: string): never => fail(`entity ${i}: ${message}`)
    const type = entityTypeOf(entity)
    if (!type) at('no entity type is set (the oneof "entity" is empty)')
    const ts = entity.timestamp as Msg | null | undefined
    if (ts) {
      const ms = toMillis(ts)
      if (ms === undefined) at('timestamp is not a valid time (nanos must be 0..999999999)')
      if (ms! - now > skew) at(`timestamp ${new Date(ms!).toISOString()} is ${Math.round((ms! - now) / 1000)} s in the future; the allowed clock skew is ${skew / 1000} s`)
    }
    checkStrings(entity[type!], type!, 0, maxString, at)
    if (options.reconciledTypes && !options.reconciledTypes.has(type!)) errors.push(`entity ${i}: type ${type} is not reconciled yet`)
  }
  return { entityCount: entities.length, errors }
}

function checkStrings (value: unknown, path: string, depth: number, max: number, fail: (m: string) => never): void {
  if (typeof value === 'string') {
    if (value.length > max) fail(`${path} is ${value.length} characters; the limit is ${max}`)
    return
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return
  if (depth > MAX_DEPTH) fail(`${path} is nested more than ${MAX_DEPTH} levels deep`)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkStrings(value[i], `${path}[${i}]`, depth + 1, max, fail)
    return
  }
  // Long (int64) values are objects too; they hold no strings.
  if (typeof (value as { low?: unknown }).low === 'number' && typeof (value as { high?: unknown }).high === 'number') return
  for (const key of Object.keys(value)) {
    if (key.length > max) fail(`${path} has a map key of ${key.length} characters; the limit is ${max}`)
    checkStrings((value as Msg)[key], `${path}.${key}`, depth + 1, max, fail)
  }
}
