// `tributary clients` as an operator runs it, against PostgreSQL (the embedded store takes the same
// code path through openPglite; it is slow to create, so it is exercised by hand, not here).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { createAuthenticator, type Authenticator } from '../../ingester/index.ts'
import { connectPostgres, type Db } from '../../store/index.ts'
import { BIN } from '../helpers/cli.ts'
import { eventually } from '../helpers/eventually.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'

const exec = promisify(execFile)

async function cli (args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const r = await exec(process.execPath, [BIN, 'clients', ...args], { timeout: 60_000 })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (err) {
    const e = err as { code: number, stdout: string, stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

let tdb: TestDatabase
let db: Db
let auth: Authenticator | undefined
before(async () => { tdb = await createTestDatabase('cli') })
after(async () => {
  await auth?.close()
  await db?.close()
  await tdb.drop()
})

test('clients cli - add prints a working secret once, list shows the client without it, revoke marks it', async () => {
  const added = await cli(['add', 'rack-scanner', '--scopes', 'diode:ingest,diode:read', '--json', '--postgres', tdb.url])
  assert.equal(added.code, 0, added.stderr)
  const created = JSON.parse(added.stdout) as { client_id: string, client_secret: string }
  assert.match(created.client_id, /^trib-/)
  assert.ok(created.client_secret.length >= 32)

  db = await connectPostgres({ url: tdb.url, max: 1 })
  const authenticator = await createAuthenticator(db, { revocationRefreshInterval: 50 })
  auth = authenticator
  const token = await authenticator.issueToken(created.client_id, created.client_secret, 'diode:ingest diode:read')
  assert.deepEqual((await authenticator.verify(token.access_token, 'diode:read')).scopes, ['diode:ingest', 'diode:read'])

  const listed = await cli(['list', '--json', '--postgres', tdb.url])
  assert.equal(listed.code, 0)
  assert.ok(!listed.stdout.includes(created.client_secret), 'list printed the secret')
  const rows = JSON.parse(listed.stdout) as Array<{ client_id: string, name: string, revoked_at: string | null }>
  assert.deepEqual(rows.map((r) => [r.client_id, r.name, r.revoked_at]), [[created.client_id, 'rack-scanner', null]])

  assert.equal((await cli(['revoke', created.client_id, '--postgres', tdb.url])).code, 0)
  const again = await cli(['revoke', created.client_id, '--postgres', tdb.url])
  assert.equal(again.code, 1)
  assert.match(again.stderr, /no active client/)
  await assert.rejects(authenticator.issueToken(created.client_id, created.client_secret, 'diode:ingest'), { code: 'ERR_INVALID_CLIENT' })
  // The token issued before the revoke stops working too, within the refresh interval.
  const refused = await eventually(() => authenticator.verify(token.access_token, 'diode:read').then(() => undefined, (err: Error) => err), 5000, 20, 'the revoked token refused')
  assert.equal((refused as { code?: string }).code, 'ERR_UNAUTHENTICATED')
  assert.match(refused.message, /client "rack-scanner" \(trib-[\w-]+\) was revoked/)
})

test('clients cli - an unknown scope exits 2 with a message naming it', async () => {
  const badScope = await cli(['add', 'x', '--scopes', 'diode:write', '--postgres', tdb.url])
  assert.equal(badScope.code, 2)
  assert.match(badScope.stderr, /unknown scope "diode:write"/)
})
