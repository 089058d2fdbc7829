// Shared set-up for the ingester tests: a real ingester on port 0 over a fresh PostgreSQL database
// and a JetStream stream of its own, an ingestion client, and an SDK-shaped gRPC caller.
import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import * as grpc from '@grpc/grpc-js'
import pino, { type Logger } from 'pino'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { REDACT_PATHS } from '../../config/logger.ts'
import { addClient, createIngester, type Ingester, type IngesterOptions } from '../../ingester/index.ts'
import { encodeIngestRequest, decodeIngestResponse, type IngestRequest, type IngestResponse__Output } from '../../proto/index.ts'
import { createJetStreamQueue, type Queue } from '../../queue/index.ts'
import { connectPostgres, migrate, type Db } from '../../store/index.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'

export const PREFIXED_INGEST = '/diode/diode.v1.IngesterService/Ingest'

/** A pino logger writing into `lines`, with the production redaction paths. */
export function captureLogger (): { logger: Logger, lines: string[] } {
  const lines: string[] = []
  const sink = new Writable({ write (chunk, _enc, cb) { lines.push(String(chunk)); cb() } })
  return { logger: pino({ level: 'debug', redact: { paths: REDACT_PATHS, censor: '[Redacted]' } }, sink), lines }
}

export async function deleteStream (stream: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL })
  try {
    const jsm = await jetstreamManager(nc)
    await jsm.streams.delete(stream).catch(() => {})
  } finally {
    await nc.close()
  }
}

export interface Harness {
  ingester: Ingester
  queue: Queue
  db: Db
  stream: string
  lines: string[]
  httpBase: string
  client: { client_id: string, client_secret: string }
  token (scope?: string): Promise<string>
  close (): Promise<void>
}

export async function startHarness (extra: Partial<IngesterOptions> = {}, database?: TestDatabase): Promise<Harness> {
  const tdb = database ?? await createTestDatabase('ing')
  const db = await connectPostgres({ url: tdb.url, max: 4 })
  await migrate(db)
  const stream = uniqueName('ING')
  const queue = extra.queue ?? await createJetStreamQueue({ servers: NATS_URL, stream, publishTimeout: 2000 })
  const { logger, lines } = captureLogger()
  const ingester = await createIngester({ queue, db, logger, host: '127.0.0.1', port: 0, ...extra })
  const client = await addClient(db, { name: 'test', scopes: ['diode:ingest', 'diode:read'] })
  const httpBase = `http://127.0.0.1:${ingester.port}`
  return {
    ingester, queue, db, stream, lines, httpBase, client,
    async token (scope = 'diode:ingest') {
      const res = await fetch(`${httpBase}/diode/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope }),
        signal: AbortSignal.timeout(10_000)
      })
      if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as { access_token: string }).access_token
    },
    async close () {
      await ingester.close(500)
      await queue.close()
      await db.close()
      await deleteStream(stream)
      if (!database) await tdb.drop()
    }
  }
}

/** A request as the Diode SDKs build it: uuid id, producer and SDK names, one timestamped entity per item. */
export function sdkRequest (entities: IngestRequest['entities'], id: string = randomUUID()): IngestRequest {
  return {
    id,
    stream: 'latest',
    producer_app_name: 'tributary-test',
    producer_app_version: '0.0.1',
    sdk_name: 'diode-sdk-python',
    sdk_version: '1.2.0',
    entities
  }
}

export function deviceEntity (name: string): NonNullable<IngestRequest['entities']>[number] {
  return {
    timestamp: { seconds: Math.floor(Date.now() / 1000), nanos: 0 },
    device: { name, device_type: { model: 'C9300', manufacturer: { name: 'Cisco' } }, role: { name: 'switch' }, site: { name: 'lab' } }
  }
}

export interface CallResult { error: grpc.ServiceError | null, response?: IngestResponse__Output }

/** One raw unary call: `payload` bytes go out as they are. */
export function callIngest (target: string, payload: Uint8Array, options: { token?: string, path?: string, credentials?: grpc.ChannelCredentials, deadlineMs?: number, client?: grpc.Client } = {}): Promise<CallResult> {
  const client = options.client ?? new grpc.Client(target, options.credentials ?? grpc.credentials.createInsecure())
  const metadata = new grpc.Metadata()
  if (options.token !== undefined) metadata.set('authorization', `Bearer ${options.token}`)
  return new Promise((resolve) => {
    client.makeUnaryRequest(options.path ?? PREFIXED_INGEST, (b: Uint8Array) => Buffer.from(b), (b: Buffer) => decodeIngestResponse(b), payload, metadata,
      { deadline: Date.now() + (options.deadlineMs ?? 10_000) }, (error, response) => {
        if (!options.client) client.close()
        resolve({ error: error ?? null, response })
      })
  })
}

export function encode (request: IngestRequest): Uint8Array {
  return encodeIngestRequest(request)
}
