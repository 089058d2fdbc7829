// diode.v1.IngesterService/Ingest: authenticate, decode, validate, publish the ORIGINAL bytes,
// answer. OK is sent only after the queue acknowledged durable storage; every failure is a gRPC
// status whose message says what was wrong and, where it applies, the limit.
import * as grpc from '@grpc/grpc-js'
import type { Logger } from 'pino'
import { encodeIngestResponse } from '../proto/index.ts'
import { isQueueError, type Queue } from '../queue/index.ts'
import { AuthError, EntityTooLargeError, ValidationError } from './errors.ts'
import type { Authenticator } from './auth/authenticator.ts'
import { SCOPE_INGEST } from './auth/clients.ts'
import type { IngesterMetrics } from './metrics.ts'
import { splitRequest, type RequestPart } from './split.ts'
import { validateIngestRequest, type ValidationOptions } from './validate.ts'

export interface IngestHandlerOptions {
  queue: Queue
  auth: Authenticator
  log: Logger
  metrics: IngesterMetrics
  validation: ValidationOptions
  /** ms the queue may take to acknowledge before the call fails UNAVAILABLE. */
  publishTimeout: number
}

class CallError extends Error {
  readonly status: grpc.status
  constructor (status: grpc.status, message: string) {
    super(message)
    this.status = status
  }
}

/** Service definition naming Ingest under the bare path and under `/<prefix>/...`. */
export function ingestServiceDefinition (method: string, prefixes: string[]): grpc.ServiceDefinition {
  const def: Record<string, grpc.MethodDefinition<Buffer, Uint8Array>> = {}
  const paths = [method, ...prefixes.filter(Boolean).map((p) => `/${p}${method}`)]
  paths.forEach((path, i) => {
    def[i === 0 ? 'Ingest' : `Ingest${i}`] = {
      path,
      requestStream: false,
      responseStream: false,
      // Keep the bytes exactly as received: they are what gets queued.
      requestDeserialize: (buf: Buffer) => buf,
      requestSerialize: (v: Buffer) => v,
      responseSerialize: (v: Uint8Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
      responseDeserialize: (buf: Buffer) => buf,
      originalName: 'Ingest'
    }
  })
  return def as grpc.ServiceDefinition
}

function bearer (metadata: grpc.Metadata): string {
  const value = metadata.get('authorization')[0]
  if (typeof value !== 'string' || value === '') throw new AuthError('ERR_UNAUTHENTICATED', 'missing authorization metadata (expected "Bearer <token>")')
  const m = /^Bearer\s+(\S+)\s*$/i.exec(value)
  if (!m) throw new AuthError('ERR_UNAUTHENTICATED', 'authorization metadata is not "Bearer <token>"')
  return m[1]!
}

export function createIngestHandler (o: IngestHandlerOptions): grpc.handleUnaryCall<Buffer, Uint8Array> {
  return (call, callback) => {
    const started = process.hrtime.bigint()
    const bytes = call.request
    const summary: Record<string, unknown> = { bytes: bytes.length }
    let clientId: string | undefined
    const finish = (status: grpc.status, message?: string, response?: Uint8Array, extra: Record<string, unknown> = {}): void => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const outcome = grpc.status[status] ?? String(status)
      o.metrics.requests.inc({ outcome })
      o.metrics.latency.observe({ outcome }, seconds)
      const line = { request: summary, client: clientId, outcome, latencyMs: Math.round(seconds * 1e4) / 10, ...extra }
      if (status === grpc.status.OK) {
        o.log.info(line, 'ingest')
        callback(null, response)
      } else {
        o.log.info({ ...line, error: message }, 'ingest refused')
        callback({ code: status, details: message })
      }
    }
    void (async () => {
      try {
        let principal
        try {
          principal = await o.auth.verify(bearer(call.metadata), SCOPE_INGEST)
        } catch (err) {
          if (err instanceof AuthError) {
            throw new CallError(err.code === 'ERR_PERMISSION_DENIED' ? grpc.status.PERMISSION_DENIED : grpc.status.UNAUTHENTICATED, err.message)
          }
          throw err
        }
        clientId = principal.clientId
        let result
        try {
          result = validateIngestRequest(bytes, o.validation)
        } catch (err) {
          if (err instanceof ValidationError) throw new CallError(grpc.status.INVALID_ARGUMENT, err.message)
          throw err
        }
        summary.id = result.id
        summary.producer = `${result.producer_app_name.slice(0, 64)}/${result.producer_app_version.slice(0, 64)}`
        summary.sdk = `${result.sdk_name.slice(0, 64)}/${result.sdk_version.slice(0, 64)}`
        summary.entities = result.entityCount
        const id = result.id
        let parts: RequestPart[]
        try {
          parts = splitRequest(bytes, id, o.queue.maxMessageBytes)
        } catch (err) {
          if (err instanceof EntityTooLargeError) throw new CallError(grpc.status.RESOURCE_EXHAUSTED, `request ${JSON.stringify(id)}: ${err.message} (queue.maxMessageBytes); make that entity smaller`)
          throw err
        }
        summary.parts = parts.length
        const publishStarted = process.hrtime.bigint()
        const published = await publishWithin(o.queue, id, parts, o.publishTimeout, call.getDeadline())
        o.metrics.publishLatency.observe(Number(process.hrtime.bigint() - publishStarted) / 1e9)
        o.metrics.entities.inc(result.entityCount)
        o.metrics.bytes.inc(bytes.length)
        o.metrics.messages.inc(parts.length)
        if (published.duplicate) o.metrics.duplicates.inc()
        finish(grpc.status.OK, undefined, encodeIngestResponse({ errors: result.errors }), { duplicate: published.duplicate, softErrors: result.errors.length })
      } catch (err) {
        if (err instanceof CallError) return finish(err.status, err.message)
        o.log.error({ err, request: summary }, 'ingest failed unexpectedly')
        finish(grpc.status.INTERNAL, 'internal error; see the ingester log')
      }
    })()
  }
}

/** ms past the queue's own timeout before the call gives up on a queue that does not answer. */
const PUBLISH_GRACE = 250

/** Publishes every part (a request that fits in one queue message is one part) and resolves once
 * the queue acknowledged them all; `duplicate` when every part was already stored. A part that
 * fails fails the call: the client's retry publishes all parts again and the stored ones dedup.
 * One timer and one promise per call: no AbortController (the queue cannot take a message back
 * once it is on the wire, so there is nothing for a signal to cancel) and no Promise.race. */
function publishWithin (queue: Queue, id: string, parts: RequestPart[], timeout: number, deadline: grpc.Deadline): Promise<{ duplicate: boolean }> {
  const callLeft = deadline instanceof Date ? deadline.getTime() - Date.now() : Number.isFinite(deadline) ? deadline - Date.now() : Infinity
  const budget = Math.max(1, Math.min(timeout, callLeft))
  return new Promise((resolve, reject) => {
    // The queue has its own timeout; this one also covers a queue that hangs (a stuck disk), so the
    // caller always gets an answer. A publish finishing after it is harmless: the retry is deduplicated.
    const timer = setTimeout(() => {
      reject(new CallError(grpc.status.UNAVAILABLE, `${where(id)}: the queue did not acknowledge ${parts.length > 1 ? `all ${parts.length} parts ` : ''}within ${budget} ms; retry`))
    }, budget + PUBLISH_GRACE)
    // The first failure settles the call; parts still in flight settle on their own.
    const failed = (err: unknown): void => {
      clearTimeout(timer)
      reject(callErrorOf(err, id))
    }
    let left = parts.length
    let duplicate = true
    const stored = (published: { duplicate: boolean }): void => {
      duplicate &&= published.duplicate
      if (--left > 0) return
      clearTimeout(timer)
      resolve({ duplicate })
    }
    for (const part of parts) {
      try {
        queue.publish(part.id, part.bytes, { timeout: budget }).then(stored, failed)
      } catch (err) {
        failed(err)
        return
      }
    }
  })
}

function where (id: string): string {
  return `request ${JSON.stringify(id)}`
}

function callErrorOf (err: unknown, id: string): unknown {
  if (isQueueError(err, 'ERR_QUEUE_FULL')) return new CallError(grpc.status.RESOURCE_EXHAUSTED, `${where(id)}: ${err.message}; retry later`)
  if (isQueueError(err, 'ERR_QUEUE_MESSAGE_TOO_LARGE')) return new CallError(grpc.status.RESOURCE_EXHAUSTED, `${where(id)}: ${err.message}; split it into smaller requests`)
  if (isQueueError(err)) return new CallError(grpc.status.UNAVAILABLE, `${where(id)}: queue unavailable: ${err.message}`)
  return err
}
