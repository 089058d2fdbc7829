// Who may call: the token endpoint's OAuth2 answers, and every way a bearer token can be wrong.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import * as grpc from '@grpc/grpc-js'
import { SignJWT } from 'jose'
import { addClient, createAuthenticator, listClients, revokeClient } from '../../ingester/index.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'
import { callIngest, deviceEntity, encode, sdkRequest, startHarness, type Harness } from './harness.ts'

function ecKey (): { pem: string, key: ReturnType<typeof generateKeyPairSync>['privateKey'] } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), key: privateKey }
}

async function postToken (base: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number, body: Record<string, unknown> }> {
  const res = await fetch(`${base}/diode/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(10_000)
  })
  return { status: res.status, body: await res.json() as Record<string, unknown> }
}

describe('ingester auth', () => {
  let h: Harness
  let tdb: TestDatabase
  const signing = ecKey()
  const readOnly: { client_id: string, client_secret: string } = { client_id: '', client_secret: '' }
  before(async () => {
    tdb = await createTestDatabase('auth')
    h = await startHarness({
      signingKeyPem: signing.pem,
      httpHandlers: [async (req, res) => {
        if (req.url !== '/api/whoami') return false
        try {
          const p = await h.ingester.auth.authorizeHttp(req, 'diode:read')
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(p))
        } catch (err) {
          res.writeHead(401).end((err as { code: string }).code)
        }
        return true
      }]
    }, tdb)
    Object.assign(readOnly, await addClient(h.db, { name: 'reader', scopes: ['diode:read'] }))
  })
  after(async () => {
    await h.close()
    await tdb.drop()
  })
  const target = (): string => `127.0.0.1:${h.ingester.port}`
  const payload = (): Uint8Array => encode(sdkRequest([deviceEntity('auth')]))

  test('ingester auth - the token endpoint answers client credentials with a Bearer token and its lifetime', async () => {
    const r = await postToken(h.httpBase, { grant_type: 'client_credentials', client_id: h.client.client_id, client_secret: h.client.client_secret, scope: 'diode:ingest' })
    assert.equal(r.status, 200)
    assert.equal(r.body.token_type, 'Bearer')
    assert.equal(r.body.expires_in, 3600)
    assert.equal(typeof r.body.access_token, 'string')
    const ok = await callIngest(target(), payload(), { token: r.body.access_token as string })
    assert.equal(ok.error, null)
  })

  test('ingester auth - client credentials in an HTTP Basic header are accepted', async () => {
    const basic = Buffer.from(`${h.client.client_id}:${h.client.client_secret}`).toString('base64')
    const r = await postToken(h.httpBase, { grant_type: 'client_credentials', scope: 'diode:ingest' }, { authorization: `Basic ${basic}` })
    assert.equal(r.status, 200)
  })

  const refusals: Array<[string, () => Record<string, string>, number, string]> = [
    ['a wrong secret', () => ({ grant_type: 'client_credentials', client_id: h.client.client_id, client_secret: 'nope', scope: 'diode:ingest' }), 401, 'invalid_client'],
    ['an unknown client', () => ({ grant_type: 'client_credentials', client_id: 'trib-unknown', client_secret: 'x', scope: 'diode:ingest' }), 401, 'invalid_client'],
    ['no client credentials', () => ({ grant_type: 'client_credentials', scope: 'diode:ingest' }), 401, 'invalid_client'],
    ['a missing grant_type', () => ({ client_id: h.client.client_id, client_secret: h.client.client_secret }), 400, 'invalid_request'],
    ['the password grant', () => ({ grant_type: 'password', client_id: h.client.client_id, client_secret: h.client.client_secret }), 400, 'unsupported_grant_type'],
    ['a scope the client does not hold', () => ({ grant_type: 'client_credentials', client_id: readOnly.client_id, client_secret: readOnly.client_secret, scope: 'diode:ingest' }), 400, 'invalid_scope']
  ]
  for (const [what, form, status, error] of refusals) {
    test(`ingester auth - the token endpoint refuses ${what} with ${status} ${error}`, async () => {
      const r = await postToken(h.httpBase, form())
      assert.equal(r.status, status)
      assert.equal(r.body.error, error)
      assert.equal(typeof r.body.error_description, 'string')
    })
  }

  test('ingester auth - a revoked client gets no token, and listClients shows when it was revoked', async () => {
    const c = await addClient(h.db, { name: 'short-lived', scopes: ['diode:ingest'] })
    assert.equal(await revokeClient(h.db, c.client_id), true)
    assert.equal(await revokeClient(h.db, c.client_id), false)
    const r = await postToken(h.httpBase, { grant_type: 'client_credentials', client_id: c.client_id, client_secret: c.client_secret })
    assert.equal(r.status, 401)
    const listed = (await listClients(h.db)).find((x) => x.client_id === c.client_id)
    assert.ok(listed?.revoked_at instanceof Date)
    assert.deepEqual(listed.scopes, ['diode:ingest'])
    assert.equal(listed.name, 'short-lived')
  })

  test('ingester auth - a call without a token is UNAUTHENTICATED', async () => {
    const r = await callIngest(target(), payload())
    assert.equal(r.error?.code, grpc.status.UNAUTHENTICATED)
    assert.match(r.error!.details, /missing authorization/)
  })

  const forge = async (claims: Record<string, unknown>, key = signing.key, exp = Math.floor(Date.now() / 1000) + 600): Promise<string> =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setIssuer('tributary').setSubject(h.client.client_id).setIssuedAt().setExpirationTime(exp).sign(key)

  const badTokens: Array<[string, () => Promise<string>, number, RegExp]> = [
    ['a garbage token', async () => 'not-a-jwt', grpc.status.UNAUTHENTICATED, /malformed token/],
    ['an expired token', () => forge({ scope: 'diode:ingest' }, signing.key, Math.floor(Date.now() / 1000) - 60), grpc.status.UNAUTHENTICATED, /token expired/],
    ['an unsigned (alg none) token', async () => {
      const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
      return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: 'tributary', sub: h.client.client_id, scope: 'diode:ingest', exp: Math.floor(Date.now() / 1000) + 600 })}.`
    }, grpc.status.UNAUTHENTICATED, /invalid bearer token/],
    ['a token signed with another key', () => forge({ scope: 'diode:ingest' }, ecKey().key), grpc.status.UNAUTHENTICATED, /signature does not verify/],
    ['a token from another issuer', async () => new SignJWT({ scope: 'diode:ingest' }).setProtectedHeader({ alg: 'ES256' }).setIssuer('someone-else').setSubject('x').setExpirationTime('10m').sign(signing.key), grpc.status.UNAUTHENTICATED, /claim iss/],
    ['a token without the diode:ingest scope', () => forge({ scope: 'diode:read' }), grpc.status.PERMISSION_DENIED, /lacks scope diode:ingest/]
  ]
  for (const [what, token, code, message] of badTokens) {
    test(`ingester auth - ${what} is ${grpc.status[code]}`, async () => {
      const t = await token()
      const r = await callIngest(target(), payload(), { token: t })
      assert.equal(r.error?.code, code, `got ${r.error?.code}: ${r.error?.details}`)
      assert.match(r.error!.details, message)
      assert.ok(!r.error!.details.includes(t), 'the error echoed the token')
    })
  }

  test('ingester auth - a read-scoped token from the endpoint is PERMISSION_DENIED for Ingest but passes authorizeHttp for diode:read', async () => {
    const r = await postToken(h.httpBase, { grant_type: 'client_credentials', client_id: readOnly.client_id, client_secret: readOnly.client_secret, scope: 'diode:read' })
    const token = r.body.access_token as string
    const call = await callIngest(target(), payload(), { token })
    assert.equal(call.error?.code, grpc.status.PERMISSION_DENIED)
    const who = await fetch(`${h.httpBase}/api/whoami`, { headers: { authorization: `Bearer ${token}` } })
    assert.equal(who.status, 200)
    assert.deepEqual(await who.json(), { clientId: readOnly.client_id, scopes: ['diode:read'] })
    const anon = await fetch(`${h.httpBase}/api/whoami`)
    assert.equal(anon.status, 401)
    assert.equal(await anon.text(), 'ERR_UNAUTHENTICATED')
  })

  test('ingester auth - the generated signing key is kept in the database, so a restarted ingester accepts tokens already issued', async () => {
    const first = await createAuthenticator(h.db)
    const c = await addClient(h.db, { name: 'restart', scopes: ['diode:ingest'] })
    const { access_token: token } = await first.issueToken(c.client_id, c.client_secret, 'diode:ingest')
    const second = await createAuthenticator(h.db)
    assert.deepEqual(await second.verify(token, 'diode:ingest'), { clientId: c.client_id, scopes: ['diode:ingest'] })
    const other = await createAuthenticator(h.db, { signingKeyPem: ecKey().pem })
    await assert.rejects(other.verify(token, 'diode:ingest'), { code: 'ERR_UNAUTHENTICATED' })
    await Promise.all([first.close(), second.close(), other.close()])
  })

  test('ingester auth - secrets are stored hashed and never appear in the log', async () => {
    const rows = (await h.db.query<{ secret_hash: string }>('select secret_hash from ingest_client where client_id = $1', [h.client.client_id])).rows
    assert.match(rows[0]!.secret_hash, /^scrypt\$/)
    assert.ok(!rows[0]!.secret_hash.includes(h.client.client_secret))
    await postToken(h.httpBase, { grant_type: 'client_credentials', client_id: h.client.client_id, client_secret: 'wrong-secret-value' })
    const log = h.lines.join('\n')
    assert.ok(!log.includes(h.client.client_secret))
    assert.ok(!log.includes('wrong-secret-value'))
    assert.ok(log.includes(h.client.client_id), 'the log should name the client')
  })

  test('ingester auth - verify rejects a missing token, and a token whose scope claim is not a string holds no scope', async () => {
    await assert.rejects(h.ingester.auth.verify('', 'diode:ingest'), { code: 'ERR_UNAUTHENTICATED' })
    const t = await forge({ scope: 42 })
    await assert.rejects(h.ingester.auth.verify(t, 'diode:ingest'), { code: 'ERR_PERMISSION_DENIED' })
  })
})
