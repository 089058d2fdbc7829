// The queue consumer: fetch a batch, apply it in one transaction, acknowledge only after COMMIT.
// A transient database error naks the batch with exponential backoff; a message that keeps failing
// is split out of its batch, and after maxAttempts deliveries its entities are logged FAILED with
// the error before the message is terminated, so nothing is dropped unseen.
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import { parseMessageId, type Queue, type QueueMessage } from '../queue/index.ts'
import type { Db } from '../store/index.ts'
import { isTransientError, ReconcilerArgumentError } from './errors.ts'
import { createMetrics, type ReconcilerMetrics } from './metrics.ts'
import { applyRequests, recordFailedRequests, type ApplyCounts, type RequestInput } from './pipeline.ts'
import { startApplyWorkers, type ApplyWorkers, type ApplyWorkersOptions } from './apply-workers.ts'

/** A message's request, or one part of a request split to fit the queue (queue/types.ts): its
 * entities are logged under the original request id and their indexes in the original request. */
function inputOf (m: QueueMessage): RequestInput & { bytes: Uint8Array } {
  const { requestId, entityOffset } = parseMessageId(m.id)
  return { bytes: m.data, id: requestId, entityOffset }
}

/** Messages per fetch and per transaction. */
export const DEFAULT_BATCH_SIZE = 64
/** Deliveries of one message before its entities are logged FAILED and the message terminated. */
export const DEFAULT_MAX_ATTEMPTS = 5
/** Batches in flight at once. */
export const DEFAULT_CONCURRENCY = 2
/** ms of the first redelivery delay after a failure; doubles per delivery, at most MAX_RETRY_DELAY. */
export const DEFAULT_RETRY_DELAY = 500
const MAX_RETRY_DELAY = 30_000
/** ms a fetch waits for the first message. */
const FETCH_EXPIRES = 1000
/** ms between working() calls while a batch is applied, keeping the ack deadline ahead. */
export const HEARTBEAT_INTERVAL = 10_000
/** Attempts of one batch inside the process before it goes back to the queue. */
const IN_PROCESS_ATTEMPTS = 3
/** ms between checks of idle(). */
const IDLE_POLL = 50

export interface ReconcilerOptions {
  db: Db
  queue: Queue
  logger: Logger
  /** Messages per batch (one transaction), default 64. */
  batchSize?: number
  /** Deliveries before a message's entities are logged FAILED and it is terminated, default 5. */
  maxAttempts?: number
  /** ms before the first redelivery of a failed message, doubling per attempt; default 500. */
  retryDelay?: number
  /** Batches applied at once, each in its own transaction on its own connection, default 2: one
   * batch's decoding and planning (CPU) overlaps another's writes (database). Concurrent batches
   * are safe for the same reasons two reconciler processes are. */
  concurrency?: number
  /** ms between working() calls on the messages of a batch being applied; keep it well below the
   * queue's ack wait. Default 10000. */
  heartbeatInterval?: number
  metricsRegistry?: Registry
  /** Apply batches on worker threads, one per batch in flight (`concurrency`), each connected to
   * this PostgreSQL (the database `db` is); see apply-workers.ts. Unset: on this thread, the only
   * way for the embedded store. */
  workerThreads?: Omit<ApplyWorkersOptions, 'threads' | 'logger'>
  /** Threads started by the caller (startApplyWorkers), e.g. shared by reconcilers run one after
   * another; used instead of `workerThreads` and left open. */
  applyWorkers?: ApplyWorkers
}

export interface Reconciler {
  start (): void
  /** Resolves when the queue has no pending message and nothing is in flight. */
  idle (): Promise<void>
  /** Stops fetching and resolves when the batch in flight has committed and been acknowledged. */
  drain (): Promise<void>
  close (): Promise<void>
  readonly metrics: Registry
}

interface Resolved { batchSize: number, maxAttempts: number, retryDelay: number, heartbeatInterval: number, concurrency: number }

function resolve (o: ReconcilerOptions): Resolved {
  const check = (name: string, v: number | undefined, dflt: number, min: number): number => {
    if (v === undefined) return dflt
    if (!Number.isInteger(v) || v < min) throw new ReconcilerArgumentError(`reconciler.${name} must be an integer >= ${min}, got ${v}`)
    return v
  }
  if (!o.db || !o.queue || !o.logger) throw new ReconcilerArgumentError('reconciler: db, queue and logger are required')
  return {
    batchSize: check('batchSize', o.batchSize, DEFAULT_BATCH_SIZE, 1),
    maxAttempts: check('maxAttempts', o.maxAttempts, DEFAULT_MAX_ATTEMPTS, 1),
    retryDelay: check('retryDelay', o.retryDelay, DEFAULT_RETRY_DELAY, 0),
    heartbeatInterval: check('heartbeatInterval', o.heartbeatInterval, HEARTBEAT_INTERVAL, 1),
    concurrency: check('concurrency', o.concurrency, DEFAULT_CONCURRENCY, 1)
  }
}

class QueueReconciler implements Reconciler {
  readonly #db: Db
  readonly #queue: Queue
  readonly #log: Logger
  readonly #o: Resolved
  readonly #m: ReconcilerMetrics
  #loop: Promise<void> | undefined
  #stopping = false
  #inFlight = 0
  readonly #abort = new AbortController()
  readonly #threads: ReconcilerOptions['workerThreads']
  #workers: ApplyWorkers | undefined
  /** Whether #workers are this reconciler's to close. */
  #ownsWorkers = false

  constructor (options: ReconcilerOptions) {
    this.#o = resolve(options)
    this.#db = options.db
    this.#queue = options.queue
    this.#log = options.logger.child({ component: 'reconciler' })
    this.#m = createMetrics(options.queue, options.metricsRegistry)
    this.#threads = options.workerThreads
    this.#workers = options.applyWorkers
  }

  get metrics (): Registry { return this.#m.registry }

  start (): void {
    if (this.#loop || this.#stopping) return
    if (this.#threads && !this.#workers) {
      this.#workers = startApplyWorkers({ ...this.#threads, threads: this.#o.concurrency, logger: this.#log })
      this.#ownsWorkers = true
    }
    this.#loop = Promise.all(Array.from({ length: this.#o.concurrency }, () => this.#run())).then(() => {})
  }

  async #run (): Promise<void> {
    let failures = 0
    while (!this.#stopping) {
      let messages: QueueMessage[]
      try {
        messages = await this.#queue.fetch({ max: this.#o.batchSize, expires: FETCH_EXPIRES, signal: this.#abort.signal })
        failures = 0
      } catch (err) {
        if (this.#stopping) break
        failures++
        this.#log.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'fetch from the queue failed; retrying')
        await sleep(Math.min(MAX_RETRY_DELAY, 100 * 2 ** Math.min(failures, 8)), undefined, { ref: false }).catch(() => {})
        continue
      }
      if (messages.length === 0) continue
      this.#inFlight += messages.length
      this.#m.inFlight.set(this.#inFlight)
      try {
        await this.#handle(messages)
      } catch (err) {
        // #handle settles every message itself; this is a bug guard so the loop never dies.
        this.#log.error({ err: { message: (err as Error).message, stack: (err as Error).stack } }, 'unexpected error while handling a batch')
      } finally {
        this.#inFlight -= messages.length
        this.#m.inFlight.set(this.#inFlight)
      }
    }
  }

  async #apply (messages: QueueMessage[]): Promise<ApplyCounts> {
    const timer = setInterval(() => { for (const m of messages) m.working().catch(() => {}) }, this.#o.heartbeatInterval)
    timer.unref()
    const end = this.#m.batchSeconds.startTimer()
    try {
      // A deadlock or serialization failure with a concurrent batch is retried here at once, a
      // few times; longer trouble (the database away) goes back to the queue with backoff, so an
      // outage neither pins messages in this process nor burns their attempts in milliseconds.
      const inputs = messages.map(inputOf)
      if (this.#workers) return await this.#workers.apply(inputs, IN_PROCESS_ATTEMPTS)
      return await applyRequests(this.#db, inputs, { logger: this.#log, attempts: IN_PROCESS_ATTEMPTS, results: false })
    } finally {
      end()
      clearInterval(timer)
    }
  }

  async #handle (messages: QueueMessage[]): Promise<void> {
    let summary: ApplyCounts
    try {
      summary = await this.#apply(messages)
    } catch (err) {
      if (messages.length > 1 && !isTransientError(err)) {
        // One message's request breaks the batch: apply them one by one so the others go on.
        for (const m of messages) await this.#handle([m])
        return
      }
      await Promise.all(messages.map((m) => this.#failed(m, err as Error)))
      return
    }
    this.#m.entities.inc({ outcome: 'applied' }, summary.applied)
    this.#m.entities.inc({ outcome: 'no_changes' }, summary.noChanges)
    this.#m.entities.inc({ outcome: 'failed' }, summary.failed)
    await Promise.all(messages.map(async (m) => {
      try {
        await m.ack()
        this.#m.messages.inc({ outcome: 'acked' })
      } catch (err) {
        // Committed but not acknowledged: the redelivery finds the request logged and skips it.
        this.#log.warn({ request_id: m.id, err: { message: (err as Error).message } }, 'ack failed after commit')
      }
    }))
  }

  async #failed (m: QueueMessage, err: Error): Promise<void> {
    const log = this.#log.child({ request_id: m.id, delivery: m.deliveryCount })
    if (m.deliveryCount >= this.#o.maxAttempts) {
      try {
        await recordFailedRequests(this.#db, [inputOf(m)], err)
      } catch (logErr) {
        // Terminating without the FAILED logs would drop the request unseen: try again later.
        log.error({ err: { message: (logErr as Error).message } }, 'cannot record FAILED logs; redelivering')
        await m.nak(MAX_RETRY_DELAY).catch(() => {})
        this.#m.messages.inc({ outcome: 'nakked' })
        return
      }
      log.error({ err: { message: err.message, code: (err as { code?: string }).code } }, 'giving up on request after max attempts; entities logged FAILED')
      await m.term(`reconcile failed ${m.deliveryCount} times: ${err.message}`.slice(0, 1000)).catch(() => {})
      this.#m.messages.inc({ outcome: 'terminated' })
      return
    }
    const delay = Math.min(MAX_RETRY_DELAY, this.#o.retryDelay * 2 ** (m.deliveryCount - 1))
    log.warn({ err: { message: err.message, code: (err as { code?: string }).code }, delay }, 'apply failed; redelivering later')
    await m.nak(Math.round(delay * (0.75 + Math.random() / 2))).catch(() => {})
    this.#m.messages.inc({ outcome: 'nakked' })
  }

  async idle (): Promise<void> {
    for (;;) {
      // Fetched messages stay pending until acknowledged, and the ack comes before inFlight drops,
      // so the two together say "all done" without waiting for a fetch to come back empty
      // (a fetch waits FETCH_EXPIRES for messages: a second of nothing after the last batch).
      if (this.#inFlight === 0) {
        const stats = await this.#queue.stats().catch(() => undefined)
        if (stats && stats.pending === 0 && this.#inFlight === 0) return
      }
      if (this.#stopping && !this.#loop) return
      await sleep(IDLE_POLL, undefined, { ref: false })
    }
  }

  async drain (): Promise<void> {
    this.#stopping = true
    this.#abort.abort()
    await this.#loop
    // Nothing is in flight any more: the threads (if any) close their connections and end.
    if (this.#ownsWorkers) await this.#workers?.close()
  }

  async close (): Promise<void> {
    await this.drain()
  }
}

export function createReconciler (options: ReconcilerOptions): Reconciler {
  return new QueueReconciler(options)
}
