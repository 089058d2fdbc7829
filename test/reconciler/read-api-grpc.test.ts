// diode.v1.ReconcilerService/RetrieveIngestionLogs through a real grpc-js server and client.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import * as grpc from '@grpc/grpc-js'
import { connectPostgres, migrate } from '../../store/index.ts'
import type { Db } from '../../store/index.ts'
import { silentLogger } from '../../config/logger.ts'
import { createIngestionLogService } from '../../reconciler/read-api/index.ts'
import type { RetrieveIngestionLogsRequest, RetrieveIngestionLogsResponse__Output } from '../../proto/index.ts'
import { createTestDatabase } from '../helpers/postgres.ts'
import type { TestDatabase } from '../helpers/postgres.ts'
import { SCOPES, SEED_SQL } from './read-api-fixtures.ts'

class AuthError extends Error {
  readonly code: string
  constructor (code: string, message: string) {
    super(message)
    this.code = code
  }
}

async function verify (token: string, scope: string): Promise<unknown> {
  const scopes = SCOPES[token]
  if (scopes === undefined) throw new AuthError('ERR_UNAUTHENTICATED', 'invalid token')
  if (!scopes.includes(scope)) throw new AuthError('ERR_PERMISSION_DENIED', `token lacks scope ${scope}`)
  return { scopes }
}

// The decoded response with the repeated field defaulted, as clients see it after `?? []`.
interface Log {
  id: string
  state: string
  request_id: string
  object_type: string
  producer_app_name: string
  sdk_name: string
  ingestion_ts: number
  entity?: any
  change_set?: { id: string, data: Buffer }
  error?: { message: string, code: string, details: Buffer }
}
interface Response { logs: Log[], metrics?: RetrieveIngestionLogsResponse__Output['metrics'], next_page_token: string }
type Call = (req: RetrieveIngestionLogsRequest, token?: string | null) => Promise<Response>

let testDb: TestDatabase
let db: Db
let server: grpc.Server
let client: grpc.Client
let retrieve: Call
let prefixedDefinition: grpc.ServiceDefinition
let port: number

before(async () => {
  testDb = await createTestDatabase('readapigrpc')
  db = await connectPostgres({ url: testDb.url, max: 4 })
  await migrate(db)
  await db.exec(SEED_SQL)
  const service = createIngestionLogService({ db, logger: silentLogger, verify })
  server = new grpc.Server()
  server.addService(service.definition, service.implementation)
  // SDK targets with a path (grpc://host/diode) call the method under that prefix.
  const prefixed = createIngestionLogService({ db, logger: silentLogger, verify, pathPrefix: '/diode' })
  server.addService(prefixed.definition, prefixed.implementation)
  prefixedDefinition = prefixed.definition
  port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => err ? reject(err) : resolve(p)))
  const Client = grpc.makeGenericClientConstructor(service.definition, 'ReconcilerService')
  client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure())
  retrieve = (req, token = 'good') => new Promise((resolve, reject) => {
    const metadata = new grpc.Metadata()
    if (token !== null) metadata.set('authorization', `Bearer ${token}`)
    ;(client as unknown as Record<string, Function>).RetrieveIngestionLogs(req, metadata, (err: grpc.ServiceError | null, res: RetrieveIngestionLogsResponse__Output) => {
      if (err) reject(err)
      else resolve({ ...res, logs: (res.logs ?? []) as Log[], next_page_token: res.next_page_token ?? '' })
    })
  })
})

after(async () => {
  client?.close()
  await new Promise<void>((resolve) => server ? server.tryShutdown(() => resolve()) : resolve())
  await db?.close()
  await testDb?.drop()
})

test('read-api grpc - RetrieveIngestionLogs returns logs newest first with entity, change set, error and metrics', async () => {
  const res = await retrieve({})
  assert.equal(res.logs.length, 5)
  assert.deepEqual(res.logs.map((l) => l.id.slice(-1)), ['5', '4', '3', '2', '1'])
  assert.deepEqual(res.metrics, { total: 5, queued: 1, reconciled: 2, failed: 1, no_changes: 1 })
  assert.equal(res.next_page_token, '')
  const applied = res.logs.find((l) => l.id.endsWith('1'))!
  assert.equal(applied.state, 'APPLIED')
  assert.equal(applied.request_id, 'req-1')
  assert.equal(applied.object_type, 'dcim.device')
  assert.equal(applied.producer_app_name, 'tributary-agent')
  assert.equal(applied.sdk_name, 'tributary-sdk')
  // 2026-01-01T10:00:00.000001Z in nanoseconds.
  assert.equal(applied.ingestion_ts, 1767261600000001000)
  assert.equal(applied.entity?.device?.name, 'sw1')
  assert.equal(applied.entity?.device?.site?.name, 'DC One')
  assert.equal(applied.entity?.timestamp?.seconds, 1767261600)
  const changes = JSON.parse(Buffer.from(applied.change_set!.data).toString())
  assert.equal(changes.changes[0].change_type, 'create')
  // The reconciler's stored form (protobufjs plain object) decodes as well as proto JSON does.
  const repeat = res.logs.find((l) => l.state === 'NO_CHANGES')!
  assert.equal(repeat.entity?.device?.status, 'active')
  assert.deepEqual(repeat.entity?.timestamp, { seconds: 1767348000, nanos: 500 })
  const failed = res.logs.find((l) => l.state === 'FAILED')!
  assert.equal(failed.error?.message, 'address: not an IP address')
  assert.equal(failed.error?.code, 'ERR_INVALID_VALUE')
  assert.equal(JSON.parse(Buffer.from(failed.error!.details).toString()).field, 'address')
  assert.equal(failed.entity?.ip_address?.address, 'nope')
})

test('read-api grpc - filters by state, request id, object type and nanosecond time range', async () => {
  const failed = await retrieve({ state: 'FAILED' })
  assert.deepEqual(failed.logs.map((l) => l.state), ['FAILED'])
  assert.equal(failed.metrics?.total, 5, 'metrics ignore the state filter')
  const req3 = await retrieve({ request_id: 'req-3' })
  assert.equal(req3.logs.length, 2)
  assert.deepEqual(req3.metrics, { total: 2, queued: 1, reconciled: 1, failed: 0, no_changes: 0 })
  assert.equal((await retrieve({ object_type: 'dcim.device' })).logs.length, 2)
  // Inclusive bounds at nanosecond precision: exactly the first log's instant.
  const exact = await retrieve({ ingestion_ts_start: '1767261600000001000', ingestion_ts_end: '1767261600000001000' })
  assert.deepEqual(exact.logs.map((l) => l.id.slice(-1)), ['1'])
  const day2on = await retrieve({ ingestion_ts_start: String(Date.parse('2026-01-02T00:00:00Z') * 1e6) })
  assert.equal(day2on.logs.length, 3)
})

test('read-api grpc - page_size and page_token walk every log once; only_metrics skips the logs', async () => {
  const seen: string[] = []
  let token = ''
  for (let pages = 0; pages < 10; pages++) {
    const res = await retrieve({ page_size: 2, page_token: token })
    assert.ok(res.logs.length <= 2)
    seen.push(...res.logs.map((l) => l.id))
    token = res.next_page_token
    if (token === '') break
  }
  assert.equal(seen.length, 5)
  assert.equal(new Set(seen).size, 5)
  const metrics = await retrieve({ only_metrics: true })
  assert.equal(metrics.logs.length, 0)
  assert.equal(metrics.metrics?.total, 5)
  await assert.rejects(retrieve({ page_token: 'garbage' }), (err: grpc.ServiceError) => {
    assert.equal(err.code, grpc.status.INVALID_ARGUMENT)
    assert.match(err.details, /page_token/)
    return true
  })
})

test('read-api grpc - UNAUTHENTICATED without a token, PERMISSION_DENIED without diode:read', async () => {
  await assert.rejects(retrieve({}, null), (err: grpc.ServiceError) => {
    assert.equal(err.code, grpc.status.UNAUTHENTICATED)
    assert.match(err.details, /authorization/)
    return true
  })
  await assert.rejects(retrieve({}, 'forged'), (err: grpc.ServiceError) => err.code === grpc.status.UNAUTHENTICATED)
  await assert.rejects(retrieve({}, 'ingest'), (err: grpc.ServiceError) => {
    assert.equal(err.code, grpc.status.PERMISSION_DENIED)
    assert.match(err.details, /diode:read/)
    return true
  })
})

test('read-api grpc - a service with pathPrefix answers /diode/diode.v1.ReconcilerService/RetrieveIngestionLogs', async () => {
  assert.equal(prefixedDefinition.RetrieveIngestionLogs.path, '/diode/diode.v1.ReconcilerService/RetrieveIngestionLogs')
  const Client = grpc.makeGenericClientConstructor(prefixedDefinition, 'PrefixedReconcilerService')
  const prefixedClient = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure())
  try {
    const metadata = new grpc.Metadata()
    metadata.set('authorization', 'Bearer good')
    const res = await new Promise<RetrieveIngestionLogsResponse__Output>((resolve, reject) => {
      (prefixedClient as unknown as Record<string, Function>).RetrieveIngestionLogs({ request_id: 'req-2' }, metadata,
        (err: grpc.ServiceError | null, r: RetrieveIngestionLogsResponse__Output) => err ? reject(err) : resolve(r))
    })
    assert.equal(res.logs?.length, 1)
    assert.equal(res.logs?.[0].state, 'NO_CHANGES')
  } finally {
    prefixedClient.close()
  }
  assert.throws(() => createIngestionLogService({ db, logger: silentLogger, pathPrefix: 'diode/' }), /pathPrefix/)
})
