// One apply worker thread (apply-workers.ts starts them): applies the batches its parent posts,
// one at a time, in transactions on a PostgreSQL connection of its own, and answers each with the
// batch's counts or its error. Its log records go to the parent, which writes them through its
// own logger (and so its level, redaction and destination).
import { parentPort, workerData } from 'node:worker_threads'
import pino from 'pino'
import { connectPostgres, type Db } from '../store/index.ts'
import { isTransientError } from './errors.ts'
import { applyRequests } from './pipeline.ts'
import type { ToWorker, WorkerConfig, FromWorker } from './apply-workers.ts'

const port = parentPort!
const config = workerData as WorkerConfig
const post = (m: FromWorker): void => port.postMessage(m)

// Records travel as the JSON lines pino writes; base and time are the parent's to add.
const logger = pino({ level: config.logLevel, base: undefined, timestamp: false }, { write: (line: string) => post({ type: 'log', line }) })

let db: Promise<Db> | undefined

function connect (): Promise<Db> {
  if (db !== undefined) return db
  const p = connectPostgres({ url: config.postgresUrl, max: 1, applicationName: config.applicationName })
  // A failed connect is not kept: the next batch tries again (the parent retries the batch later).
  p.catch(() => { if (db === p) db = undefined })
  db = p
  return p
}

async function apply (m: Extract<ToWorker, { type: 'apply' }>): Promise<void> {
  try {
    // The bytes arrive as plain Uint8Arrays; as Buffers (the same memory) protobufjs reads their
    // strings with Node's native UTF-8 decoder instead of its own JavaScript one.
    const inputs = m.inputs.map((i) => ({ ...i, bytes: Buffer.from(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength) }))
    const { results: _, ...counts } = await applyRequests(await connect(), inputs, { logger, attempts: m.attempts, results: false })
    post({ type: 'done', counts })
  } catch (err) {
    const e = err as { message?: string, code?: unknown }
    post({ type: 'failed', error: { message: String(e?.message ?? err), code: typeof e?.code === 'string' ? e.code : undefined, transient: isTransientError(err) } })
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'apply') {
    void apply(m)
    return
  }
  // close: end the pool so nothing keeps the thread alive, then let it exit.
  void (async () => {
    const open = db
    db = undefined
    await (await open?.catch(() => undefined))?.close().catch(() => {})
    port.close()
  })()
})
