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
import { ID_FIELD_BYTES, RequestBuffer, requestBody } from './ingest-request.ts'
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

// The body without its id, encoded once. Each caller owns one whole request and writes a fresh id
// into it before every call (protobuf fields may come in any order, so the id goes first): callers
// spend no time encoding or copying, as a remote agent would not on its own machine, and both phases
// send the same bytes.
const body = requestBody(entityCount)
function callerRequests (callers: number): RequestBuffer[] {
  return Array.from({ length: callers }, () => new RequestBuffer(body))
}

function cpuMs (used: NodeJS.CpuUsage, requests: number): number {
  return Math.round((used.user + used.system) / Math.max(1, requests) / 10) / 100
}

function percentile (sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!
}

async function runFor (callers: number, fn: (caller: number) => Promise<void>): Promise<{ count: number, latencies: number[], elapsed: number }> {
  const latencies: number[] = []
  const started = performance.now()
  const end = started + durationMs
  await Promise.all(Array.from({ length: callers }, async (_, caller) => {
    while (performance.now() < end) {
      const t = performance.now()
      await fn(caller)
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
  const requests = callerRequests(share)
  // Loaded and connected: wait for the word so that every worker starts at once and the CPU the
  // main thread counts is the run's alone.
  for (const c of channels) await new Promise<void>((resolve, reject) => c.waitForReady(Date.now() + 10_000, (err) => { if (err) reject(err); else resolve() }))
  await new Promise<void>((resolve) => { parentPort!.postMessage({ ready: true }); parentPort!.once('message', () => resolve()) })
  let next = 0
  let failures = 0
  let firstError: string | undefined
  const elu = performance.eventLoopUtilization()
  const result = await runFor(share, (caller) => new Promise<void>((resolve) => {
    const request = requests[caller]!
    request.setId(randomUUID())
    channels[next++ % channels.length]!.makeUnaryRequest('/diode/diode.v1.IngesterService/Ingest', (b: Buffer) => b, (b: Buffer) => b, request.bytes, metadata,
      { deadline: Date.now() + 30_000 }, (err) => {
        if (err) { failures++; firstError ??= err.message }
        resolve()
      })
  }))
  const busy = performance.eventLoopUtilization(elu).utilization
  for (const c of channels) c.close()
  parentPort!.postMessage({ ...result, failures, firstError, busy })
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
    type Result = { count: number, latencies: number[], elapsed: number, failures: number, firstError?: string, busy: number }
    const workers = shares.map((share) => {
      // Node 20 workers do not take tsx from --import; register it inside before loading this file.
      const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}) })`
      const w = new Worker(boot, { eval: true, workerData: { argv: process.argv.slice(2), port: ingester.port, token, share } })
      const ready = new Promise<void>((resolve, reject) => { w.once('message', () => resolve()); w.once('error', reject) })
      return { w, ready }
    })
    await Promise.all(workers.map((x) => x.ready))
    const elu = performance.eventLoopUtilization()
    const cpu = process.cpuUsage()
    const results = await Promise.all(workers.map(({ w }) => new Promise<Result>((resolve, reject) => {
      w.once('message', resolve)
      w.once('error', reject)
      w.postMessage('go')
    })))
    const busy = performance.eventLoopUtilization(elu).utilization
    const used = process.cpuUsage(cpu)
    // Where the time goes inside the ingester: mean call latency vs mean queue publish latency.
    const metrics = await (await fetch(`http://127.0.0.1:${ingester.port}/metrics`)).text()
    const mean = (name: string): number => {
      const sum = [...metrics.matchAll(new RegExp(`^${name}_sum(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0)
      const count = [...metrics.matchAll(new RegExp(`^${name}_count(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0)
      return count ? Math.round(sum / count * 1e4) / 10 : NaN
    }
    console.log(`ingester inside: mean call ${mean('tributary_ingester_request_duration_seconds')} ms, mean publish ${mean('tributary_ingester_publish_duration_seconds')} ms, event loop busy ${Math.round(busy * 100)}%; callers' threads busy ${results.map((r) => `${Math.round(r.busy * 100)}%`).join(', ')}`)
    const count = results.reduce((n, r) => n + r.count, 0)
    console.log(`ingester phase:  ${cpuMs(used, count)} ms CPU per request in this process (callers and ingester; nats-server not counted)`)
    const failures = results.reduce((n, r) => n + r.failures, 0)
    if (failures > 0) console.error(`ingester: ${failures} calls failed, first: ${results.find((r) => r.firstError)?.firstError}`)
    return {
      count,
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
  // The same client settings as the ingester's queue (queue/jetstream.ts), so the ceiling is what
  // that client can do.
  const nc = await connect({ servers: values.nats!, noAsyncTraces: true })
  const jsm = await jetstreamManager(nc)
  await jsm.streams.add({ name: stream, subjects: [`${stream}.requests`], storage: StorageType.File, retention: RetentionPolicy.Workqueue, discard: DiscardPolicy.New, max_bytes: 8 * 1024 ** 3 })
  const js = jetstream(nc, { timeout: 30_000 })
  const requests = callerRequests(concurrency)
  try {
    const cpu = process.cpuUsage()
    const result = await runFor(concurrency, async (caller) => {
      const request = requests[caller]!
      request.setId(randomUUID())
      await js.publish(`${stream}.requests`, request.bytes, { msgID: request.id })
    })
    console.log(`raw phase:       ${cpuMs(process.cpuUsage(cpu), result.count)} ms CPU per request in this process (nats-server not counted)`)
    return result
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
  request_bytes: body.length + ID_FIELD_BYTES,
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
