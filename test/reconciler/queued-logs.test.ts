// Entities waiting in the queue are QUEUED logs: listed through REST and gRPC with the stored
// logs, under the same filters, until the reconciler applies them and writes their own logs.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { silentLogger } from '../../config/logger.ts'
import { encodeIngestRequest, type RetrieveIngestionLogsRequest, type RetrieveIngestionLogsResponse__Output } from '../../proto/index.ts'
import { openEmbeddedQueue, type Queue } from '../../queue/index.ts'
import { applyRequests } from '../../reconciler/index.ts'
import { createIngestionLogService } from '../../reconciler/read-api/index.ts'
import { migrate, openPglite, type Db } from '../../store/index.ts'
import { deviceRef, request, ts } from './fixtures.ts'
import { startApi, type ApiServer } from './read-api-fixtures.ts'

const A = '0b6f7a52-1f4e-4c1e-9c1e-000000000001'
const B = '0b6f7a52-1f4e-4c1e-9c1e-000000000002'

let dir: string
let db: Db
let queue: Queue
let api: ApiServer
let server: grpc.Server
let client: grpc.Client

function retrieve (req: RetrieveIngestionLogsRequest): Promise<RetrieveIngestionLogsResponse__Output> {
  return new Promise((resolve, reject) => {
    (client as unknown as Record<string, Function>).RetrieveIngestionLogs(req, new grpc.Metadata(), (err: Error | null, res: RetrieveIngestionLogsResponse__Output) => err ? reject(err) : resolve(res))
  })
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tributary-queued-'))
  db = await openPglite()
  await migrate(db)
  queue = await openEmbeddedQueue({ dir })
  api = await startApi(db, { queue })
  const service = createIngestionLogService({ db, queue, logger: silentLogger })
  server = new grpc.Server()
  server.addService(service.definition, service.implementation)
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => err ? reject(err) : resolve(p)))
  client = new (grpc.makeGenericClientConstructor(service.definition, 'ReconcilerService'))(`127.0.0.1:${port}`, grpc.credentials.createInsecure())
})

after(async () => {
  client?.close()
  await new Promise<void>((resolve) => server ? server.tryShutdown(() => resolve()) : resolve())
  await api?.close()
  await queue?.close()
  await db?.close()
  rmSync(dir, { recursive: true, force: true })
})

test('queued logs - waiting entities are QUEUED logs through REST and gRPC until the reconciler applies them', async () => {
  const a = request([
    { timestamp: ts(), site: { name: 'Berlin DC1' } },
    { timestamp: ts(), device: deviceRef('edge-9') },
    { timestamp: ts(), interface: { device: deviceRef('edge-9'), name: 'et-0/0/0', type: '10gbase-x-sfpp' } }
  ], A)
  const b = { ...request([{ timestamp: ts(), vlan: { vid: 300, name: 'voice' } }], B), producer_app_name: 'other-script' }
  await queue.publish(A, encodeIngestRequest(a))
  await queue.publish(B, encodeIngestRequest(b))

  const mine = (await api.get(`/api/ingestion-logs/?request_id=${A}`)).body
  assert.equal(mine.count, 3)
  assert.equal(mine.counts.queued, 3)
  assert.deepEqual(mine.queue, { scanned_messages: 2, truncated: false })
  assert.deepEqual(mine.results.map((r: any) => [r.entity_index, r.state, r.object_type, r.id, r.url, r.object]),
    [[0, 'QUEUED', 'dcim.site', null, null, null], [1, 'QUEUED', 'dcim.device', null, null, null], [2, 'QUEUED', 'dcim.interface', null, null, null]])
  assert.equal(mine.results[1].entity.device.name, 'edge-9')
  assert.equal(mine.results[1].producer_app_name, 'test-producer')
  assert.equal(mine.results[1].source_ts, `${new Date(a.entities![1].timestamp!.seconds as number * 1000).toISOString().slice(0, -1)}000Z`)
  // The newest message first; the other filters apply as to stored logs.
  const all = (await api.get('/api/ingestion-logs/')).body
  assert.equal(all.count, 4)
  assert.deepEqual(all.results.map((r: any) => r.request_id), [B, A, A, A])
  assert.equal((await api.get('/api/ingestion-logs/?producer=other-script')).body.count, 1)
  assert.equal((await api.get('/api/ingestion-logs/?object_type=dcim.device')).body.count, 1)
  assert.equal((await api.get(`/api/ingestion-logs/?since=${new Date(Date.now() + 60_000).toISOString()}`)).body.count, 0)
  // A view of another state lists none of them but still counts them.
  const applied = (await api.get('/api/ingestion-logs/?state=applied')).body
  assert.deepEqual([applied.count, applied.results, applied.counts.queued], [0, [], 4])

  const grpcQueued = await retrieve({ state: 'QUEUED' as any, request_id: A })
  assert.deepEqual((grpcQueued.logs ?? []).map((l) => [l.state, l.data_type, l.request_id]), [['QUEUED', 'dcim.site', A], ['QUEUED', 'dcim.device', A], ['QUEUED', 'dcim.interface', A]])
  assert.equal(grpcQueued.metrics?.queued, 3)
  assert.equal((await retrieve({ only_metrics: true })).metrics?.queued, 4)

  // The reconciler takes A (and acknowledges it after committing); B stays queued.
  const [first] = await queue.fetch({ max: 1, expires: 1000 })
  assert.equal(first.id, A)
  await applyRequests(db, [{ bytes: first.data, ingestionTs: new Date() }])
  await first.ack()
  const after = (await api.get(`/api/ingestion-logs/?request_id=${A}`)).body
  assert.deepEqual(after.results.map((r: any) => r.state), ['APPLIED', 'APPLIED', 'APPLIED'])
  assert.equal(after.counts.queued, 0)
  // One page spans the queued log and the stored ones after it.
  const page1 = (await api.get('/api/ingestion-logs/?limit=2')).body
  assert.equal(page1.count, 4)
  assert.deepEqual(page1.results.map((r: any) => [r.request_id, r.state]), [[B, 'QUEUED'], [A, 'APPLIED']])
  const page2 = (await api.get('/api/ingestion-logs/?limit=2&offset=2')).body
  assert.deepEqual(page2.results.map((r: any) => [r.request_id, r.state]), [[A, 'APPLIED'], [A, 'APPLIED']])
  const seen = [...page1.results, ...page2.results].filter((r: any) => r.state === 'APPLIED').map((r: any) => r.entity_index).sort()
  assert.deepEqual(seen, [0, 1, 2])
})
