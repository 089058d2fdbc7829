// diode.v1.ReconcilerService/RetrieveIngestionLogs for tools written against Diode: the same
// ingestion_log rows as /api/ingestion-logs/, paged by an opaque keyset token, newest first.
// Entities still in the queue are counted in metrics.queued and listed when state is QUEUED (one
// page, newest first: they have no place in the stored logs' keyset).
import * as grpc from '@grpc/grpc-js'
import {
  RETRIEVE_INGESTION_LOGS_METHOD, TO_OBJECT_OPTIONS, decodeMessage, encodeMessage, fromProtoJson, messageType
} from '../../proto/index.ts'
import type {
  IngestionLog, RetrieveIngestionLogsRequest__Output, RetrieveIngestionLogsResponse
} from '../../proto/index.ts'
import type { Queue } from '../../queue/index.ts'
import type { Db } from '../../store/index.ts'
import type { Logger } from '../../config/logger.ts'
import { countIngestionLogsByState, selectIngestionLogs } from './ingestion-log-query.ts'
import type { IngestionLogFilter, IngestionLogRow } from './ingestion-log-query.ts'
import { readQueuedLogs, type QueuedLogRow } from './queued-logs.ts'
import { READ_SCOPE } from './read-api.ts'

/** Logs per page when the request leaves page_size unset or 0. */
export const DEFAULT_PAGE_SIZE = 100
/** Largest page; a bigger page_size is capped to it. */
export const MAX_PAGE_SIZE = 1000

export interface IngestionLogServiceOptions {
  /** The database holding ingestion_log; only read. */
  db: Db
  /** Parent logger; internal errors are logged under child({ component: 'ingestion-log-service' }). */
  logger: Logger
  /**
   * Checks a bearer token for a scope; throws an error with code ERR_PERMISSION_DENIED when the
   * token lacks it, any other error when the token is not valid. Omitted: no authentication.
   */
  verify?: (token: string, scope: string) => Promise<unknown>
  /**
   * Put in front of the method path, for SDK targets with a path (grpc://host:8080/diode calls
   * /diode/diode.v1.ReconcilerService/RetrieveIngestionLogs). Default '' (the plain path);
   * register one service per prefix to answer both.
   */
  pathPrefix?: string
  /** The queue the reconciler drains, for the entities waiting in it (QUEUED). */
  queue?: Queue
}

export interface IngestionLogService {
  definition: grpc.ServiceDefinition
  implementation: grpc.UntypedServiceImplementation
}

const RequestType = messageType('RetrieveIngestionLogsRequest')

// int64 nanosecond bounds do not fit a JS number exactly, so this one message is read with
// int64 as decimal strings.
function decodeRequest (bytes: Buffer): RetrieveIngestionLogsRequest__Output {
  return RequestType.toObject(RequestType.decode(bytes), { ...TO_OBJECT_OPTIONS, longs: String }) as RetrieveIngestionLogsRequest__Output
}

/** The service definition with the method path under `pathPrefix` ('' for the plain path). */
export function ingestionLogServiceDefinition (pathPrefix = ''): grpc.ServiceDefinition {
  if (pathPrefix !== '' && (!pathPrefix.startsWith('/') || pathPrefix.endsWith('/'))) {
    throw new TypeError(`pathPrefix must start with "/" and not end with one, got "${pathPrefix}"`)
  }
  return {
    RetrieveIngestionLogs: {
      path: pathPrefix + RETRIEVE_INGESTION_LOGS_METHOD,
      requestStream: false,
      responseStream: false,
      requestSerialize: (value: object) => Buffer.from(encodeMessage('RetrieveIngestionLogsRequest', value)),
      requestDeserialize: decodeRequest,
      responseSerialize: (value: object) => Buffer.from(encodeMessage('RetrieveIngestionLogsResponse', value)),
      responseDeserialize: (bytes: Buffer) => decodeMessage('RetrieveIngestionLogsResponse', bytes)
    }
  }
}

class RequestError extends Error {
  readonly grpcCode: grpc.status
  constructor (grpcCode: grpc.status, message: string) {
    super(message)
    this.grpcCode = grpcCode
  }
}

function encodeToken (row: IngestionLogRow): string {
  return Buffer.from(`${row.ingestion_us}/${row.id}`).toString('base64url')
}

function decodeToken (token: string): { micros: bigint, id: string } {
  const m = /^(-?\d{1,20})\/([0-9a-f-]{36})$/.exec(Buffer.from(token, 'base64url').toString())
  if (m === null) throw new RequestError(grpc.status.INVALID_ARGUMENT, 'page_token: not a token this server issued')
  return { micros: BigInt(m[1]), id: m[2] }
}

/** Nanoseconds (Diode's unit) to the column's microseconds: a lower bound rounds up, an upper bound down, so both stay inclusive without widening. */
function nanosToMicros (value: unknown, field: string, upper: boolean): bigint | undefined {
  if (value === undefined || value === null || value === '' || value === '0' || value === 0) return undefined
  let ns: bigint
  try {
    ns = BigInt(value as string)
  } catch {
    throw new RequestError(grpc.status.INVALID_ARGUMENT, `${field}: "${String(value)}" is not an integer`)
  }
  const us = ns / 1000n
  return upper || ns % 1000n === 0n ? us : us + 1n
}

export function parseRequest (req: RetrieveIngestionLogsRequest__Output): { filter: IngestionLogFilter, pageSize: number, onlyMetrics: boolean } {
  const size = req.page_size ?? 0
  if (size < 0) throw new RequestError(grpc.status.INVALID_ARGUMENT, `page_size: must not be negative, got ${size}`)
  const state = req.state as unknown as string | undefined
  const objectType = req.object_type || req.data_type
  return {
    filter: {
      requestIds: req.request_id ? [req.request_id] : undefined,
      states: state !== undefined && state !== 'STATE_UNSPECIFIED' ? [state] : undefined,
      objectTypes: objectType ? [objectType] : undefined,
      sinceMicros: nanosToMicros(req.ingestion_ts_start, 'ingestion_ts_start', false),
      untilMicros: nanosToMicros(req.ingestion_ts_end, 'ingestion_ts_end', true),
      before: req.page_token ? decodeToken(req.page_token) : undefined
    },
    pageSize: size === 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE),
    onlyMetrics: req.only_metrics === true
  }
}

const EntityType = messageType('Entity')

/**
 * The stored entity back in the Entity shape. The reconciler stores protobufjs' plain object form
 * (JSON.stringify of the decoded message); proto JSON (RFC 3339 timestamps) is accepted too. An
 * entity that fits neither is left out rather than failing the whole page.
 */
function entityOf (stored: unknown): object | undefined {
  if (stored === null || typeof stored !== 'object') return undefined
  try {
    EntityType.fromObject(stored as Record<string, unknown>)
    return stored
  } catch {}
  try {
    return fromProtoJson(EntityType, stored, { ignoreUnknownFields: true })
  } catch {
    return undefined
  }
}

function toLog (row: IngestionLogRow | QueuedLogRow): IngestionLog {
  const error = row.error as { message?: unknown, code?: unknown } | null
  return {
    id: row.id ?? '',
    data_type: row.object_type,
    state: row.state as IngestionLog['state'],
    request_id: row.request_id,
    ingestion_ts: `${row.ingestion_us}000`,
    producer_app_name: row.producer_app_name,
    producer_app_version: row.producer_app_version,
    sdk_name: row.sdk_name,
    sdk_version: row.sdk_version,
    entity: entityOf(row.entity),
    error: error === null ? undefined : { message: String(error.message ?? ''), code: String(error.code ?? ''), details: Buffer.from(JSON.stringify(error)) },
    change_set: row.change_set === null || row.id === null ? undefined : { id: row.id, data: Buffer.from(JSON.stringify(row.change_set)) },
    object_type: row.object_type,
    source_ts: row.source_us === null ? undefined : `${row.source_us}000`
  }
}

function bearer (metadata: grpc.Metadata): string | undefined {
  const value = metadata.get('authorization')[0]
  if (typeof value !== 'string') return undefined
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim())
  return m === null ? undefined : m[1]
}

export function createIngestionLogService (options: IngestionLogServiceOptions): IngestionLogService {
  const { db, verify, queue } = options
  const definition = ingestionLogServiceDefinition(options.pathPrefix)
  const logger = options.logger.child({ component: 'ingestion-log-service' })

  async function authenticate (metadata: grpc.Metadata): Promise<void> {
    if (verify === undefined) return
    const token = bearer(metadata)
    if (token === undefined) throw new RequestError(grpc.status.UNAUTHENTICATED, 'missing "authorization: Bearer <token>" metadata')
    try {
      await verify(token, READ_SCOPE)
    } catch (err) {
      const code = (err as { code?: unknown }).code === 'ERR_PERMISSION_DENIED' ? grpc.status.PERMISSION_DENIED : grpc.status.UNAUTHENTICATED
      throw new RequestError(code, (err as Error).message || 'token rejected')
    }
  }

  async function retrieve (req: RetrieveIngestionLogsRequest__Output): Promise<RetrieveIngestionLogsResponse> {
    const { filter, pageSize, onlyMetrics } = parseRequest(req)
    const onlyQueued = filter.states?.length === 1 && filter.states[0] === 'QUEUED'
    const queued = queue === undefined
      ? undefined
      : await readQueuedLogs(queue, filter, onlyQueued && !onlyMetrics && filter.before === undefined ? { offset: 0, limit: pageSize } : { offset: 0, limit: 0 })
    const counts = await countIngestionLogsByState(db, filter)
    counts.QUEUED += queued?.count ?? 0
    const metrics = {
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      queued: counts.QUEUED,
      reconciled: counts.APPLIED,
      failed: counts.FAILED,
      no_changes: counts.NO_CHANGES
    }
    if (onlyMetrics) return { metrics }
    if (onlyQueued) return { logs: (queued?.rows ?? []).map(toLog), metrics, next_page_token: '' }
    // One row more than asked tells whether there is a next page without counting.
    const rows = await selectIngestionLogs(db, filter, { limit: pageSize + 1 })
    const page = rows.slice(0, pageSize)
    return {
      logs: page.map(toLog),
      metrics,
      next_page_token: rows.length > pageSize ? encodeToken(page[page.length - 1]) : ''
    }
  }

  const implementation: grpc.UntypedServiceImplementation = {
    RetrieveIngestionLogs: (call: grpc.ServerUnaryCall<RetrieveIngestionLogsRequest__Output, RetrieveIngestionLogsResponse>, callback: grpc.sendUnaryData<RetrieveIngestionLogsResponse>) => {
      authenticate(call.metadata)
        .then(() => retrieve(call.request))
        .then((response) => callback(null, response), (err: unknown) => {
          if (err instanceof RequestError) {
            callback({ code: err.grpcCode, details: err.message })
            return
          }
          logger.error({ err }, 'RetrieveIngestionLogs failed')
          callback({ code: grpc.status.INTERNAL, details: 'internal error reading ingestion logs' })
        })
    }
  }
  return { definition, implementation }
}
