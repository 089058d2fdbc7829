// npm run bench:ingest -- [--duration 10] [--concurrency 8] [--entities 1000] [--nats URL] [--postgres URL]
// Drives a real ingester (JetStream queue; PGlite in memory, or PostgreSQL, for the clients table)
// with concurrent gRPC callers sending N-entity requests for a fixed time, then publishes the same
// bytes straight to JetStream from Node for the same time: the ceiling the ingester is measured
// against. Prints a table and, as its last line, one JSON object for comparing runs.
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import * as grpc from '@grpc/grpc-js'
import { connect } from '@nats-io/transport-node'
import { jetstream, jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy } from '@nats-io/jetstream'
import { silentLogger } from '../config/logger.ts'
import { addClient, createIngester } from '../ingester/index.ts'
import { encodeIngestRequest, type IngestRequest } from '../proto/index.ts'
import { requestBody } from './ingest-request.ts'
import { createJetStreamQueue } from '../queue/index.ts'
import { connectPostgres, migrate, openPglite, type Db } from '../store/index.ts'

const { values } = parseArgs({
  args: isMainThread ? process.argv.slice(2) : (workerData as { argv: string[] }).argv,
  options: {
    duration: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
    entities: { type: 'string', default: '1000' },
    nats: { type: 'string', default: process.env.TRIBUTARY_NATS_URL ?? 'nats://127.0.0.1:4222' },
    postgres: { type: 'string' }
  }
})
const durationMs = Number(values.duration) * 1000
const concurrency = Number(values.concurrency)
const entityCount = Number(values.entities)
if (!(durationMs > 0 && concurrency > 0 && entityCount > 0)) {
  console.error('--duration (s), --concurrency and --entities must be positive numbers')
  process.exit(2)
}

// The body without its id, encoded once; each request puts its own id field in front (protobuf
// fields may come in any order), so callers spend no time encoding.
const body = requestBody(entityCount)
function requestBytes (): { id: string, bytes: Buffer } {
  const id = randomUUID()
  return { id, bytes: Buffer.concat([Buffer.from(encodeIngestRequest({ id } as IngestRequest)), body]) }
}

function percentile (sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}

async function runFor (callers: number, fn: () => Promise<void>): Promise<{ count: number, latencies: number[], elapsed: number }> {
  const latencies: number[] = []
  const started = performance.now()
  const end = started + durationMs
  await Promise.all(Array.from({ length: callers }, async () => {
    while (performance.now() < end) {
      const t = performance.now()
      await fn()
      latencies.push(performance.now() - t)
    }
  }))
  return { count: latencies.length, latencies: latencies.sort((a, b) => a - b), elapsed: performance.now() - started }
}

// The gRPC callers run in worker threads, as remote agents would: the ingester keeps the main
// thread to itself instead of sharing it with the load it is measured under.
const WORKERS = 2

async function callerWorker (): Promise<void> {
  const { port, token, share } = workerData as { port: number, token: string, share: number }
  const channels = Array.from({ length: Math.max(1, Math.min(share, 2)) }, (_, i) =>
    new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), { 'grpc-node.bench': i }))
  const metadata = new grpc.Metadata()
  metadata.set('authorization', `Bearer ${token}`)
  let next = 0
  let failures = 0
  let firstError: string | undefined
  const result = await runFor(share, () => new Promise<void>((resolve) => {
    const { bytes } = requestBytes()
    channels[next++ % channels.length]!.makeUnaryRequest('/diode/diode.v1.IngesterService/Ingest', (b: Buffer) => b, (b: Buffer) => b, bytes, metadata,
      { deadline: Date.now() + 30_000 }, (err) => {
        if (err) { failures++; firstError ??= err.message }
        resolve()
      })
  }))
  for (const c of channels) c.close()
  parentPort!.postMessage({ ...result, failures, firstError })
}

async function benchIngester (): Promise<{ count: number, latencies: number[], elapsed: number }> {
  const stream = `BENCH_ING_${Date.now().toString(36)}`
  const db: Db = values.postgres ? await connectPostgres({ url: values.postgres }) : await openPglite()
  await migrate(db)
  const queue = await createJetStreamQueue({ servers: values.nats!, stream, maxBytes: 8 * 1024 ** 3 })
  const ingester = await createIngester({ queue, db, logger: silentLogger, host: '127.0.0.1', port: 0 })
  const client = await addClient(db, { name: 'bench', scopes: ['diode:ingest'] })
  const token = (await ingester.auth.issueToken(client.client_id, client.client_secret, 'diode:ingest')).access_token
  try {
    const shares = Array.from({ length: WORKERS }, (_, i) => Math.floor(concurrency / WORKERS) + (i < concurrency % WORKERS ? 1 : 0)).filter((n) => n > 0)
    const elu = performance.eventLoopUtilization()
    const results = await Promise.all(shares.map((share) => new Promise<{ count: number, latencies: number[], elapsed: number, failures: number, firstError?: string }>((resolve, reject) => {
      // Node 20 workers do not take tsx from --import; register it inside before loading this file.
      const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}) })`
      const w = new Worker(boot, { eval: true, workerData: { argv: process.argv.slice(2), port: ingester.port, token, share } })
      w.once('message', resolve)
      w.once('error', reject)
    })))
    const busy = performance.eventLoopUtilization(elu).utilization
    // Where the time goes inside the ingester: mean call latency vs mean queue publish latency.
    const metrics = await (await fetch(`http://127.0.0.1:${ingester.port}/metrics`)).text()
    const mean = (name: string): number => {
      const sum = [...metrics.matchAll(new RegExp(`^${name}_sum(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0)
      const count = [...metrics.matchAll(new RegExp(`^${name}_count(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0)
      return count ? Math.round(sum / count * 1e4) / 10 : NaN
    }
    console.log(`ingester inside: mean call ${mean('tributary_ingester_request_duration_seconds')} ms, mean publish ${mean('tributary_ingester_publish_duration_seconds')} ms, event loop busy ${Math.round(busy * 100)}%`)
    const failures = results.reduce((n, r) => n + r.failures, 0)
    if (failures > 0) console.error(`ingester: ${failures} calls failed, first: ${results.find((r) => r.firstError)?.firstError}`)
    return {
      count: results.reduce((n, r) => n + r.count, 0),
      latencies: results.flatMap((r) => r.latencies).sort((a, b) => a - b),
      elapsed: Math.max(...results.map((r) => r.elapsed))
    }
  } finally {
    await ingester.close(1000)
    await queue.close()
    await db.close()
    const nc = await connect({ servers: values.nats! })
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {})
    await nc.close()
  }
}

async function benchRaw (): Promise<{ count: number, latencies: number[], elapsed: number }> {
  const stream = `BENCH_RAW_${Date.now().toString(36)}`
  const nc = await connect({ servers: values.nats! })
  const jsm = await jetstreamManager(nc)
  await jsm.streams.add({ name: stream, subjects: [`${stream}.requests`], storage: StorageType.File, retention: RetentionPolicy.Workqueue, discard: DiscardPolicy.New, max_bytes: 8 * 1024 ** 3 })
  const js = jetstream(nc, { timeout: 30_000 })
  try {
    return await runFor(concurrency, async () => {
      const { id, bytes } = requestBytes()
      await js.publish(`${stream}.requests`, bytes, { msgID: id })
    })
  } finally {
    await jsm.streams.delete(stream).catch(() => {})
    await nc.close()
  }
}

if (!isMainThread) {
  await callerWorker()
} else {
  await main()
}

async function main (): Promise<void> {
const ing = await benchIngester()
const raw = await benchRaw()
const rate = (r: { count: number, elapsed: number }): number => Math.round(r.count * entityCount / (r.elapsed / 1000))
const result = {
  entities_per_request: entityCount,
  request_bytes: body.length + 38,
  concurrency,
  duration_s: durationMs / 1000,
  requests: ing.count,
  entities_per_s: rate(ing),
  p50_ms: Math.round(percentile(ing.latencies, 0.5) * 10) / 10,
  p99_ms: Math.round(percentile(ing.latencies, 0.99) * 10) / 10,
  raw_requests: raw.count,
  raw_entities_per_s: rate(raw),
  raw_p50_ms: Math.round(percentile(raw.latencies, 0.5) * 10) / 10,
  raw_p99_ms: Math.round(percentile(raw.latencies, 0.99) * 10) / 10,
  ratio: Math.round(rate(ing) / rate(raw) * 100) / 100
}
console.log(`ingester:        ${result.entities_per_s} entities/s  p50 ${result.p50_ms} ms  p99 ${result.p99_ms} ms  (${ing.count} requests of ${entityCount} entities, ${result.request_bytes} bytes)`)
console.log(`raw JetStream:   ${result.raw_entities_per_s} entities/s  p50 ${result.raw_p50_ms} ms  p99 ${result.raw_p99_ms} ms`)
console.log(`ingester / raw:  ${Math.round(result.ratio * 100)}%`)
console.log(JSON.stringify(result))
}
