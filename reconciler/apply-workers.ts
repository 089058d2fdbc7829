// Apply worker threads: with PostgreSQL, the consumer's batches are applied on threads of their
// own (apply-worker.ts), one batch per thread at a time, each thread with its own connection.
// Decoding, matching and building a batch's statements is CPU work on one thread; on the main
// thread two batches in flight took turns on it, while beside it the database had cores to spare
// (issue 4: on two cores shared with PostgreSQL, two threads applied ~10-15% more new entities/s
// than the main thread; with cores of its own a reconciler gains more). A thread also gets a young
// generation sized for a batch (DEFAULT_YOUNG_GENERATION_MB), which the main thread cannot be
// given from code. PGlite lives in the main thread's memory, so the embedded
// store applies on the main thread.
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { Logger } from 'pino'
import { ReconcilerArgumentError, ReconcilerError, WorkerError } from './errors.ts'
import type { ApplyCounts } from './pipeline.ts'

/** A queued request as the consumer hands it over (pipeline.ts RequestInput, bytes form). */
export interface WorkerInput { bytes: Uint8Array, id?: string, entityOffset?: number }

export interface WorkerConfig { postgresUrl: string, logLevel: string, applicationName: string }

/** A thread applies one batch at a time, so an answer needs no id: it is the pending batch's. */
export type ToWorker =
  | { type: 'apply', inputs: WorkerInput[], attempts: number }
  | { type: 'close' }

export type FromWorker =
  | { type: 'done', counts: ApplyCounts }
  | { type: 'failed', error: { message: string, code?: string, transient: boolean } }
  | { type: 'log', line: string }

/** MB of young generation per thread: 3 semi-spaces of 64 MB. A batch's decoded entities, nodes
 * and rows live until it commits, longer than V8's default 16 MB semi-space takes to fill, so
 * most of them were copied by the scavenger once or twice. In the reconciler bench 64 MB
 * semi-spaces took ~30% off the scavenges' time on the main thread and ~16% on the threads
 * (issue 4). */
export const DEFAULT_YOUNG_GENERATION_MB = 192
/** ms a thread has to close its connection and exit before it is terminated. */
const CLOSE_TIMEOUT = 5000

export interface ApplyWorkersOptions {
  postgresUrl: string
  /** Threads, each applying one batch at a time. */
  threads: number
  /** Where the threads' log records are written. */
  logger: Logger
  /** application_name of the threads' connections, default "tributary". */
  applicationName?: string
  /** V8 heap limits of each thread (worker_threads ResourceLimits, in MB); the young generation
   * defaults to DEFAULT_YOUNG_GENERATION_MB, the rest to V8's. */
  resourceLimits?: ResourceLimits
}

export interface ApplyWorkers {
  /** Applies one batch on the next free thread (pipeline.ts applyRequests, `attempts` as there). */
  apply (inputs: WorkerInput[], attempts: number): Promise<ApplyCounts>
  /** Closes every thread's connection and ends the threads; batches in flight fail. */
  close (): Promise<void>
}

let entry: URL | undefined

/** The thread's entry module. The project runs its TypeScript through tsx's loader
 * (bin/tributary.js), and a worker thread does not inherit loaders registered in code: the thread
 * registers it before loading apply-worker.ts. */
function workerEntry (): URL {
  const worker = new URL('./apply-worker.ts', import.meta.url)
  entry ??= new URL(`data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(worker.href)})`)}`)
  return entry
}

/** Writes a record a thread logged through `log`, without repeating what `log` already binds. */
function relay (log: Logger, line: string, thread: number): void {
  let record: Record<string, unknown>
  try {
    record = JSON.parse(line)
  } catch {
    return
  }
  const { level, msg, ...fields } = record
  const bound = log.bindings()
  for (const k of Object.keys(fields)) if (bound[k] === fields[k]) delete fields[k]
  const label = log.levels.labels[level as number] ?? 'info'
  ;(log as unknown as Record<string, (o: object, m?: string) => void>)[label]({ thread, ...fields }, msg as string | undefined)
}

interface Pending { resolve: (c: ApplyCounts) => void, reject: (e: Error) => void, requests: number }

class Thread {
  readonly worker: Worker
  pending: Pending | undefined
  exited = false

  constructor (options: ApplyWorkersOptions, log: Logger) {
    const config: WorkerConfig = { postgresUrl: options.postgresUrl, logLevel: log.level, applicationName: options.applicationName ?? 'tributary' }
    this.worker = new Worker(workerEntry(), {
      workerData: config,
      resourceLimits: { maxYoungGenerationSizeMb: DEFAULT_YOUNG_GENERATION_MB, ...options.resourceLimits }
    })
    let failure: Error | undefined
    this.worker.on('message', (m: FromWorker) => {
      if (m.type === 'log') return relay(log, m.line, this.worker.threadId)
      const p = this.pending
      this.pending = undefined
      if (m.type === 'done') p?.resolve(m.counts)
      else p?.reject(new WorkerError(m.error.message, m.error.code ?? 'ERR_RECONCILER_DATABASE', m.error.transient))
    })
    this.worker.on('error', (err) => { failure = err })
    this.worker.on('exit', (code) => {
      this.exited = true
      const p = this.pending
      this.pending = undefined
      if (p === undefined) return
      // Not transient: if one request kills its thread, the consumer applies the batch's requests
      // one by one, and only that request ends up FAILED.
      p.reject(new WorkerError(`apply worker thread ${this.worker.threadId} exited (code ${code}) while applying a batch of ${p.requests} request(s)` +
        (failure ? `: ${failure.message}` : ''), 'ERR_RECONCILER_WORKER', false))
    })
  }

  apply (inputs: WorkerInput[], attempts: number): Promise<ApplyCounts> {
    return new Promise((resolve, reject) => {
      // Each message's bytes are copied once into a buffer of their own and moved, not cloned: a
      // queue's bytes may be a view into a larger buffer, which a clone would copy whole, and
      // which moving would take from the queue's client. (new Uint8Array, not slice(): a Buffer's
      // slice() is a view.)
      const moved = inputs.map((i) => ({ ...i, bytes: new Uint8Array(i.bytes) }))
      const message: ToWorker = { type: 'apply', inputs: moved, attempts }
      this.worker.postMessage(message, moved.map((i) => i.bytes.buffer))
      // Answers are events: none can come before this line.
      this.pending = { resolve, reject, requests: inputs.length }
    })
  }

  async close (): Promise<void> {
    if (this.exited) return
    const exited = new Promise((resolve) => this.worker.once('exit', resolve))
    this.worker.postMessage({ type: 'close' } satisfies ToWorker)
    const timer = setTimeout(() => { void this.worker.terminate() }, CLOSE_TIMEOUT)
    await exited
    clearTimeout(timer)
  }
}

export function startApplyWorkers (options: ApplyWorkersOptions): ApplyWorkers {
  if (!Number.isInteger(options.threads) || options.threads < 1) throw new ReconcilerArgumentError(`apply workers: threads must be an integer >= 1, got ${options.threads}`)
  const log = options.logger
  const threads: Array<Thread | undefined> = new Array(options.threads).fill(undefined)
  const idle: number[] = threads.map((_, i) => i)
  const waiting: Array<(slot: number) => void> = []
  let closed = false

  const acquire = (): Promise<number> => {
    const slot = idle.pop()
    return slot !== undefined ? Promise.resolve(slot) : new Promise((resolve) => waiting.push(resolve))
  }
  const release = (slot: number): void => {
    const next = waiting.shift()
    if (next) next(slot)
    else idle.push(slot)
  }

  return {
    async apply (inputs, attempts) {
      if (closed) throw new ReconcilerError('ERR_RECONCILER_CLOSED', 'apply workers are closed')
      const slot = await acquire()
      if (slot < 0) throw new ReconcilerError('ERR_RECONCILER_CLOSED', 'apply workers are closed')
      try {
        // A thread that died (or never started) is replaced when its turn comes.
        let t = threads[slot]
        if (t === undefined || t.exited) threads[slot] = t = new Thread(options, log)
        return await t.apply(inputs, attempts)
      } finally {
        release(slot)
      }
    },
    async close () {
      closed = true
      for (const w of waiting.splice(0)) w(-1)
      await Promise.all(threads.map((t) => t?.close()))
    }
  }
}
