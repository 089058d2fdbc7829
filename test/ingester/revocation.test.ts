// Revoking a client stops the tokens it already holds within the revocation refresh interval, for
// Ingest, the read API and RetrieveIngestionLogs alike, on both stores; and a store that cannot be
// read keeps the last known revocations in force instead of failing every call.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as grpc from '@grpc/grpc-js'
import { startStack, type Stack } from '../../cli/stack.ts'
import { loadServerConfig } from '../../config/index.ts'
import { addClient, createAuthenticator, revokeClient } from '../../ingester/index.ts'
import { createRevocationList } from '../../ingester/auth/revocation-list.ts'
import { ingestionLogServiceDefinition } from '../../reconciler/read-api/index.ts'
import { connectPostgres, migrate, type Db } from '../../store/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { fetchToken } from '../helpers/http.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'
import { callIngest, captureLogger, deviceEntity, encode, sdkRequest } from './harness.ts'

/** ms; short so the tests wait a fraction of a second, not the production 5 s. */
const REFRESH = 100
/** ms a revocation may take to bite in these tests: many refreshes, for a loaded shared machine. */
const BOUND = 5000

const RetrieveClient = grpc.makeGenericClientConstructor(ingestionLogServiceDefinition('/diode'), 'ReconcilerService')

interface Outcome { ok: boolean, code?: number, message: string }

function retrieveLogs (client: grpc.Client, token: string): Promise<Outcome> {
  const metadata = new grpc.Metadata()
  metadata.set('authorization', `Bearer ${token}`)
  return new Promise((resolve) => {
    ;(client as unknown as Record<string, Function>).RetrieveIngestionLogs({ page_size: 1 }, metadata, { deadline: Date.now() + 10_000 },
      (err: grpc.ServiceError | null) => resolve(err ? { ok: false, code: err.code, message: err.details } : { ok: true, message: '' }))
  })
}

async function readSites (base: string, token: string): Promise<Outcome> {
  const res = await fetch(`${base}/api/dcim/sites/`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) })
  const body = await res.json() as { detail?: string }
  return { ok: res.status === 200, code: res.status, message: body.detail ?? '' }
}

async function ingest (port: number, token: string): Promise<Outcome> {
  const r = await callIngest(`127.0.0.1:${port}`, encode(sdkRequest([deviceEntity('revocation')])), { token })
  return r.error ? { ok: false, code: r.error.code, message: r.error.details } : { ok: true, message: '' }
}

for (const backend of ['postgres', 'pglite'] as const) {
  describe(`revocation (${backend})`, () => {
    let dataDir: string
    let tdb: TestDatabase | undefined
    let stack: Stack
    let retrieve: grpc.Client
    const capture = captureLogger()

    before(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'trib-revoke-'))
      if (backend === 'postgres') tdb = await createTestDatabase('revoke')
      const config = loadServerConfig({
        flags: { 'data-dir': dataDir, host: '127.0.0.1', port: '0', ...(tdb ? { postgres: tdb.url } : {}) },
        env: {}
      })
      assert.equal(config.revocationRefreshInterval, 5000, 'the default bound is 5 s')
      stack = await startStack({ ...config, revocationRefreshInterval: REFRESH }, { ingester: true, reconciler: false }, capture.logger)
      retrieve = new RetrieveClient(`127.0.0.1:${stack.port}`, grpc.credentials.createInsecure())
    })
    after(async () => {
      retrieve?.close()
      await stack?.close()
      await tdb?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    })

    test(`revocation (${backend}) - a revoked client's tokens are refused by Ingest, the read API and RetrieveIngestionLogs within the bound; another client's keep working`, async () => {
      const scopes = ['diode:ingest', 'diode:read']
      const leaked = await addClient(stack.db, { name: 'leaked-scanner', scopes })
      const other = await addClient(stack.db, { name: 'other-scanner', scopes })
      const token = await fetchToken(stack.httpUrl, 'diode', leaked.client_id, leaked.client_secret, 'diode:ingest diode:read')
      const otherToken = await fetchToken(stack.httpUrl, 'diode', other.client_id, other.client_secret, 'diode:ingest diode:read')

      for (const t of [token, otherToken]) {
        assert.deepEqual(await ingest(stack.port, t), { ok: true, message: '' })
        assert.equal((await readSites(stack.httpUrl, t)).ok, true)
        assert.deepEqual(await retrieveLogs(retrieve, t), { ok: true, message: '' })
      }

      // What `tributary clients revoke` calls.
      assert.equal(await revokeClient(stack.db, leaked.client_id), true)
      const revokedAt = Date.now()
      const message = new RegExp(`client "leaked-scanner" \\(${leaked.client_id}\\) was revoked`)
      const refused = await eventually(async () => {
        const r = await ingest(stack.port, token)
        return r.ok ? undefined : r
      }, BOUND, 20, 'Ingest refusing the revoked client')
      assert.ok(Date.now() - revokedAt < BOUND)
      assert.equal(refused.code, grpc.status.UNAUTHENTICATED, refused.message)
      assert.match(refused.message, message)

      const read = await readSites(stack.httpUrl, token)
      assert.equal(read.code, 401)
      assert.match(read.message, message)
      const logs = await retrieveLogs(retrieve, token)
      assert.equal(logs.code, grpc.status.UNAUTHENTICATED, logs.message)
      assert.match(logs.message, message)
      for (const m of [refused.message, read.message, logs.message]) assert.ok(!m.includes(token), 'the error echoed the token')

      assert.deepEqual(await ingest(stack.port, otherToken), { ok: true, message: '' })
      assert.equal((await readSites(stack.httpUrl, otherToken)).ok, true)
      assert.deepEqual(await retrieveLogs(retrieve, otherToken), { ok: true, message: '' })

      // And no new token either, as before.
      await assert.rejects(fetchToken(stack.httpUrl, 'diode', leaked.client_id, leaked.client_secret, 'diode:ingest'), /401/)
      assert.ok(!capture.lines.join('\n').includes(token), 'the log holds the token')
    })
  })
}

describe('revocation (reconciler alone)', () => {
  let dataDir: string
  let tdb: TestDatabase
  let stack: Stack | undefined

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'trib-revoke-rec-'))
    tdb = await createTestDatabase('revokerec')
  })
  after(async () => {
    await stack?.close()
    await tdb?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('revocation (reconciler alone) - its read API accepts the ingesters\' tokens (auth.signing_key_file) and refuses a revoked client\'s', async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const keyFile = join(dataDir, 'signing-key.pem')
    writeFileSync(keyFile, pem, { mode: 0o600 })
    const config = loadServerConfig({
      flags: { 'data-dir': dataDir, host: '127.0.0.1', port: '0', postgres: tdb.url },
      env: { TRIBUTARY_AUTH_SIGNING_KEY_FILE: keyFile }
    })
    stack = await startStack({ ...config, revocationRefreshInterval: REFRESH }, { ingester: false, reconciler: true }, captureLogger().logger)
    // An ingester configured with the same key file issues the token.
    const issuer = await createAuthenticator(stack.db, { signingKeyPem: pem })
    try {
      const c = await addClient(stack.db, { name: 'grafana', scopes: ['diode:read'] })
      const token = (await issuer.issueToken(c.client_id, c.client_secret, 'diode:read')).access_token
      const before = await readSites(stack.httpUrl, token)
      assert.equal(before.ok, true, before.message)
      await revokeClient(stack.db, c.client_id)
      const refused = await eventually(async () => {
        const r = await readSites(stack!.httpUrl, token)
        return r.ok ? undefined : r
      }, BOUND, 20, 'the read API refusing the revoked client')
      assert.equal(refused.code, 401)
      assert.match(refused.message, /client "grafana" \(trib-[\w-]+\) was revoked/)
    } finally {
      await issuer.close()
    }
  })
})

describe('revocation - the store cannot be read', () => {
  let tdb: TestDatabase
  let db: Db
  before(async () => {
    tdb = await createTestDatabase('revokedown')
    db = await connectPostgres({ url: tdb.url, max: 2 })
    await migrate(db)
  })
  after(async () => {
    await db?.close()
    await tdb?.drop()
  })

  test('revocation - when reloading fails, verify keeps refusing the clients revoked so far and accepting the others', async () => {
    // The authenticator has a pool of its own, closed below to make every reload fail for real.
    const authDb = await connectPostgres({ url: tdb.url, max: 1 })
    const { logger, lines } = captureLogger()
    const auth = await createAuthenticator(authDb, { revocationRefreshInterval: 20, logger })
    try {
      const gone = await addClient(db, { name: 'gone', scopes: ['diode:ingest'] })
      const kept = await addClient(db, { name: 'kept', scopes: ['diode:ingest'] })
      const goneToken = (await auth.issueToken(gone.client_id, gone.client_secret, 'diode:ingest')).access_token
      const keptToken = (await auth.issueToken(kept.client_id, kept.client_secret, 'diode:ingest')).access_token
      await revokeClient(db, gone.client_id)
      await eventually(() => auth.verify(goneToken, 'diode:ingest').then(() => false, (err: { code: string }) => err.code === 'ERR_UNAUTHENTICATED'), BOUND, 20, 'revocation seen')

      await authDb.close()
      await eventually(async () => lines.some((l) => l.includes('cannot reload revoked clients')), BOUND, 20, 'the reload warning')
      await assert.rejects(auth.verify(goneToken, 'diode:ingest'), { code: 'ERR_UNAUTHENTICATED', message: /client "gone" .* was revoked/ })
      assert.deepEqual(await auth.verify(keptToken, 'diode:ingest'), { clientId: kept.client_id, scopes: ['diode:ingest'] })
    } finally {
      await auth.close()
    }
  })

  test('revocation - a failing reload keeps the last known set, warns once, and says when it works again', async () => {
    let down = false
    // A fault the test can switch off again: PostgreSQL itself stays up for the other tests.
    const flaky: Db = { ...db, query: (sql, params) => down ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) : db.query(sql, params) }
    const { logger, lines } = captureLogger()
    const c = await addClient(db, { name: 'flaky-victim', scopes: ['diode:ingest'] })
    await revokeClient(db, c.client_id)
    const list = await createRevocationList(flaky, { refreshInterval: 3_600_000, logger })
    try {
      assert.equal(list.get(c.client_id)?.name, 'flaky-victim')
      down = true
      await assert.rejects(list.refresh(), /ECONNREFUSED/)
      await assert.rejects(list.refresh(), /ECONNREFUSED/)
      assert.equal(list.get(c.client_id)?.name, 'flaky-victim', 'the last known set stays')
      const warnings = lines.filter((l) => l.includes('cannot reload revoked clients'))
      assert.equal(warnings.length, 1, 'one warning per outage, not one per reload')
      assert.equal(JSON.parse(warnings[0]!).level, 40)
      down = false
      await list.refresh()
      assert.ok(lines.some((l) => l.includes('reloading revoked clients works again')))
    } finally {
      await list.close()
      await list.close()
    }
  })

  test('revocation - a refresh interval that is not a positive integer is refused', async () => {
    await assert.rejects(createRevocationList(db, { refreshInterval: 0 }), { code: 'ERR_INGESTER_ARGUMENT', message: /revocationRefreshInterval must be a positive integer \(ms\), got 0/ })
  })
})
