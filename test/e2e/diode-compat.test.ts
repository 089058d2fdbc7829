// A request crafted exactly as the official Diode Python SDK sends it (prefixed method path,
// token from /diode/auth/token, its metadata keys and sdk fields) is accepted and reconciled.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import * as grpc from '@grpc/grpc-js'
import { encodeIngestRequest, decodeIngestResponse, type IngestResponse__Output } from '../../proto/index.ts'
import { runCli, startCli, type CliProcess } from '../helpers/cli.ts'
import { eventually } from '../helpers/eventually.ts'
import { fetchToken, getJson, listAll, type Page } from '../helpers/http.ts'

let dataDir: string
let server: CliProcess
let base: string
let target: string
let creds: { client_id: string, client_secret: string }

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'trib-e2e-diode-'))
  const added = await runCli(['clients', 'add', 'python-collector', '--scopes', 'diode:ingest,diode:read', '--json', '--data-dir', dataDir])
  assert.equal(added.code, 0, added.stderr)
  creds = JSON.parse(added.stdout)
  server = startCli(['up', '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'])
  const m = await server.waitFor(/Ingest target \(SDKs, agent\):\s+(grpc:\/\/127\.0\.0\.1:(\d+)\/diode)/, 60000)
  target = m[1]
  base = `http://127.0.0.1:${m[2]}`
})

after(async () => {
  const code = await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
  assert.equal(code, 0, 'up exits cleanly on SIGTERM')
})

function ingestLikePython (token: string, request: Uint8Array): Promise<IngestResponse__Output> {
  const url = new URL(target.replace(/^grpc:/, 'http:'))
  const client = new grpc.Client(url.host, grpc.credentials.createInsecure(), { 'grpc.primary_user_agent': 'diode-sdk-python/1.14.3 netbox-collector/0.0.1' })
  const md = new grpc.Metadata()
  md.set('authorization', `Bearer ${token}`)
  md.set('platform', 'Linux-6.1.0-x86_64-with-glibc2.36')
  md.set('python-version', '3.11.7')
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(`${url.pathname}/diode.v1.IngesterService/Ingest`, (b: Uint8Array) => Buffer.from(b), (b: Buffer) => decodeIngestResponse(b), request, md, { deadline: Date.now() + 10000 },
      (err, res) => { client.close(); err ? reject(err) : resolve(res!) })
  })
}

test('e2e diode compat - a Python-SDK-shaped request is accepted and reconciled', async () => {
  const token = await fetchToken(base, 'diode', creds.client_id, creds.client_secret, 'diode:ingest')
  const now = { seconds: Math.floor(Date.now() / 1000), nanos: 0 }
  // What DiodeClient.ingest([Entity(device=Device(..., manufacturer="Cisco")), ...]) puts on the wire.
  const cisco = { name: 'Cisco' }
  const device = { name: 'py-edge-1', device_type: { model: 'C9300-48P', manufacturer: cisco }, platform: { name: 'IOS-XE', manufacturer: cisco }, role: { name: 'Access' }, site: { name: 'Site ABC' }, serial: 'FOC1234X0AB', status: 'active', tags: [{ name: 'python-sdk' }] }
  const request = encodeIngestRequest({
    id: randomUUID(),
    stream: 'latest',
    producer_app_name: 'netbox-collector',
    producer_app_version: '0.0.1',
    sdk_name: 'diode-sdk-python',
    sdk_version: '1.14.3',
    entities: [
      { timestamp: now, device },
      { timestamp: now, interface: { name: 'GigabitEthernet1/0/1', device, type: '1000base-t', enabled: true, mtu: 1500 } },
      { timestamp: now, ip_address: { address: '192.0.2.10/24', status: 'active', assigned_object_interface: { name: 'GigabitEthernet1/0/1', device } } }
    ]
  })
  const response = await ingestLikePython(token, request)
  assert.deepEqual(response.errors ?? [], [])

  const read = await fetchToken(base, 'diode', creds.client_id, creds.client_secret, 'diode:read')
  const devices = await eventually(async () => {
    const page = await getJson<Page<any>>(`${base}/api/dcim/devices/?name=py-edge-1`, read)
    return page.count === 1 ? page.results : undefined
  }, 30000)
  assert.equal(devices[0].serial, 'FOC1234X0AB')
  assert.equal(devices[0].site.name, 'Site ABC')
  assert.equal(devices[0].device_type.model, 'C9300-48P')
  const interfaces = await listAll<any>(`${base}/api/dcim/interfaces/?device=py-edge-1`, read)
  assert.deepEqual(interfaces.map((i) => i.name), ['GigabitEthernet1/0/1'])
  const ips = await listAll<any>(`${base}/api/ipam/ip-addresses/?device=py-edge-1`, read)
  assert.deepEqual(ips.map((i) => i.address), ['192.0.2.10/24'])
  assert.equal(ips[0].assigned_object.name, 'GigabitEthernet1/0/1')
})

test('e2e diode compat - the same request without a token is refused UNAUTHENTICATED', async () => {
  const request = encodeIngestRequest({ id: randomUUID(), stream: 'latest', producer_app_name: 'x', producer_app_version: '1', sdk_name: 'diode-sdk-python', sdk_version: '1.0.0', entities: [{ timestamp: { seconds: 1, nanos: 0 }, site: { name: 's' } }] })
  await assert.rejects(ingestLikePython('not-a-token', request), (err: grpc.ServiceError) => {
    assert.equal(err.code, grpc.status.UNAUTHENTICATED)
    return true
  })
})
