// The production shape: ingester and reconciler as separate processes on NATS JetStream and
// PostgreSQL, the lab network as its own process, and the agent run once against the ingester.
// The read API must end up listing every lab device with its interfaces and addresses. A request
// larger than NATS's default 1 MiB max_payload is split by the ingester and logged whole.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { decodeMessage, encodeMessage, RETRIEVE_INGESTION_LOGS_METHOD } from '../../proto/index.ts'
import { createClient, site } from '../../sdk/index.ts'
import { runCli, startCli, type CliProcess } from '../helpers/cli.ts'
import { eventually } from '../helpers/eventually.ts'
import { fetchToken, getJson, listAll, type Page } from '../helpers/http.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'
import { assertLabInventory } from '../helpers/lab.ts'

const stream = uniqueName('E2E')
const env = { TRIBUTARY_NATS_STREAM: stream }
let db: TestDatabase
let dir: string
const procs: CliProcess[] = []
let ingestBase: string
let target: string
let creds: { client_id: string, client_secret: string }

before(async () => {
  db = await createTestDatabase('e2e')
  dir = mkdtempSync(join(tmpdir(), 'trib-e2e-dist-'))
  const added = await runCli(['clients', 'add', 'e2e-agent', '--scopes', 'diode:ingest,diode:read', '--json', '--postgres', db.url])
  assert.equal(added.code, 0, added.stderr)
  creds = JSON.parse(added.stdout)

  const ingester = startCli(['ingester', '--nats', NATS_URL, '--postgres', db.url, '--port', '0', '--host', '127.0.0.1'], env)
  procs.push(ingester)
  const m = await ingester.waitFor(/ingester listening: (grpc:\/\/127\.0\.0\.1:(\d+)\/diode)/, 60000)
  target = m[1]
  ingestBase = `http://127.0.0.1:${m[2]}`
  const reconciler = startCli(['reconciler', '--nats', NATS_URL, '--postgres', db.url, '--port', '0', '--host', '127.0.0.1'], env)
  procs.push(reconciler)
  await reconciler.waitFor(/reconciler running/, 60000)
})

after(async () => {
  for (const p of procs.reverse()) await p.stop()
  const nc = await connect({ servers: NATS_URL, timeout: 5000 })
  try {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {})
  } finally {
    await nc.close()
  }
  await db?.drop()
  rmSync(dir, { recursive: true, force: true })
})

test('e2e distributed - agent -> ingester -> JetStream -> reconciler -> PostgreSQL -> read API', async () => {
  const configFile = join(dir, 'lab-agent.yaml')
  const lab = startCli(['lab', '--write-config', configFile, '--target', target])
  procs.push(lab)
  await lab.waitFor(/Agent config written/, 30000)

  const agent = await runCli(['agent', '--config', configFile, '--once'], { DIODE_CLIENT_ID: creds.client_id, DIODE_CLIENT_SECRET: creds.client_secret })
  assert.equal(agent.code, 0, `agent --once failed:\n${agent.stderr}\n${agent.stdout.slice(-2000)}`)
  assert.doesNotMatch(agent.stdout + agent.stderr, new RegExp(creds.client_secret), 'the client secret never shows up in output')

  const token = await fetchToken(ingestBase, 'diode', creds.client_id, creds.client_secret, 'diode:read')
  await assertLabInventory(ingestBase, token, 60000)
})

/** Every log of a request through diode.v1.ReconcilerService/RetrieveIngestionLogs, page by page. */
async function retrieveLogs (requestId: string, token: string): Promise<Array<{ request_id: string, entity?: { site?: { name?: string } } }>> {
  const client = new grpc.Client(new URL(ingestBase).host, grpc.credentials.createInsecure())
  const metadata = new grpc.Metadata()
  metadata.set('authorization', `Bearer ${token}`)
  type Res = { logs?: Array<{ request_id: string, entity?: { site?: { name?: string } } }>, next_page_token?: string }
  const out: NonNullable<Res['logs']> = []
  try {
    let pageToken = ''
    do {
      const res = await new Promise<Res>((resolve, reject) => client.makeUnaryRequest(RETRIEVE_INGESTION_LOGS_METHOD,
        (v: object) => Buffer.from(encodeMessage('diode.v1.RetrieveIngestionLogsRequest', v)),
        (b: Buffer) => decodeMessage<Res>('diode.v1.RetrieveIngestionLogsResponse', b),
        { request_id: requestId, page_size: 1000, page_token: pageToken }, metadata, { deadline: Date.now() + 30_000 },
        (err, value) => err ? reject(err) : resolve(value!)))
      out.push(...res.logs ?? [])
      pageToken = res.next_page_token ?? ''
    } while (pageToken !== '')
  } finally {
    client.close()
  }
  return out
}

async function queueMessagesPublished (): Promise<number> {
  const text = await (await fetch(`${ingestBase}/metrics`, { signal: AbortSignal.timeout(5000) })).text()
  const m = /^tributary_ingester_queue_messages_total (\d+)/m.exec(text)
  assert.ok(m, 'the ingester exports tributary_ingester_queue_messages_total')
  return Number(m[1])
}

test('e2e distributed - a 6,000-entity request over NATS max_payload is split, reconciled whole and logged at its original indexes', async () => {
  const ENTITIES = 6000
  const publishedBefore = await queueMessagesPublished()
  const client = await createClient({
    target,
    appName: 'e2e-split',
    appVersion: '1.0.0',
    clientId: creds.client_id,
    clientSecret: creds.client_secret,
    // One request of about 4 MB, as an SDK chunking at 3 MiB or more would send.
    maxChunkBytes: 16 * 1024 * 1024,
    retries: 0
  })
  let requestId: string
  try {
    const sent = await client.ingest(Array.from({ length: ENTITIES }, (_, i) => site({ name: `e2e-split-${i}`, comments: `${i} `.padEnd(600, 's') })))
    assert.equal(sent.requestIds.length, 1, 'the SDK sent one request')
    requestId = sent.requestIds[0]!
  } finally {
    await client.close()
  }
  const parts = await queueMessagesPublished() - publishedBefore
  assert.ok(parts >= 4, `the request went to the queue as ${parts} messages`)

  const token = await fetchToken(ingestBase, 'diode', creds.client_id, creds.client_secret, 'diode:read')
  const logsUrl = `${ingestBase}/api/ingestion-logs/?request_id=${requestId}`
  // Entities still in the queue are listed too, as QUEUED: wait until every one is applied.
  await eventually(async () => {
    const page = await getJson<Page<unknown> & { counts: Record<string, number> }>(`${logsUrl}&limit=1`, token)
    return page.counts.applied >= ENTITIES ? page : undefined
  }, 120_000, 1000)
  const logs = await listAll<{ id: string, request_id: string, entity_index: number, state: string, entity: { site?: { name?: string } } | null }>(`${logsUrl}&limit=1000`, token)
  assert.equal(logs.length, ENTITIES, 'one log per entity')
  const indexes = logs.map((l) => l.entity_index).sort((a, b) => a - b)
  assert.deepEqual(indexes, Array.from({ length: ENTITIES }, (_, i) => i), 'every original entity_index exactly once')
  for (const l of logs) {
    assert.equal(l.request_id, requestId)
    assert.equal(l.state, 'APPLIED', `entity ${l.entity_index}`)
    assert.equal(l.entity?.site?.name, `e2e-split-${l.entity_index}`, `the entity shown for log ${l.entity_index}`)
  }
  // One log of the last part, read on its own.
  const last = logs.find((l) => l.entity_index === ENTITIES - 1)!
  const one = await getJson<{ entity_index: number, entity: { site: { name: string } } }>(`${ingestBase}/api/ingestion-logs/${last.id}/`, token)
  assert.equal(one.entity_index, ENTITIES - 1)
  assert.equal(one.entity.site.name, `e2e-split-${ENTITIES - 1}`)
  // diode.v1 RetrieveIngestionLogs shows the same: every entity once, each decoded from its part.
  const viaGrpc = await retrieveLogs(requestId, token)
  assert.equal(viaGrpc.length, ENTITIES)
  assert.ok(viaGrpc.every((l) => l.request_id === requestId))
  assert.deepEqual(viaGrpc.map((l) => l.entity?.site?.name).sort(), logs.map((l) => `e2e-split-${l.entity_index}`).sort())
  const sites = await getJson<Page<unknown>>(`${ingestBase}/api/dcim/sites/?name=e2e-split-${ENTITIES - 1}`, token)
  assert.equal(sites.count, 1, 'the last entity was applied')
})
