// The first-run experience: `tributary up --lab` on the embedded default discovers the simulated
// lab with its in-process agent, and the read API lists every lab device with its interfaces and
// addresses, and the cables its LLDP recordings describe.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCli, type CliProcess } from '../helpers/cli.ts'
import { eventually } from '../helpers/eventually.ts'
import { fetchToken, listAll } from '../helpers/http.ts'
import { assertLabInventory, labSnmpCables } from '../helpers/lab.ts'

let dataDir: string
let server: CliProcess
let base: string

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'trib-e2e-up-'))
  server = startCli(['up', '--lab', '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'])
  const m = await server.waitFor(/Ingest target \(SDKs, agent\):\s+grpc:\/\/127\.0\.0\.1:(\d+)\/diode/, 60000)
  base = `http://127.0.0.1:${m[1]}`
})

after(async () => {
  const code = await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
  assert.equal(code, 0, 'up exits cleanly on SIGTERM')
})

test('e2e embedded - up --lab: every lab device appears with its interfaces and addresses', async () => {
  const creds = JSON.parse(readFileSync(join(dataDir, 'lab-client.json'), 'utf8')) as { client_id: string, client_secret: string }
  const token = await fetchToken(base, 'diode', creds.client_id, creds.client_secret, 'diode:read')
  await assertLabInventory(base, token, 90000)
})

test('e2e embedded - up --lab: the cables the lab\'s LLDP recordings describe exist, each interface showing its cable', async () => {
  const expected = await labSnmpCables()
  assert.ok(expected.length >= 4, `the lab recordings describe cables (${expected.join('; ')})`)
  const creds = JSON.parse(readFileSync(join(dataDir, 'lab-client.json'), 'utf8')) as { client_id: string, client_secret: string }
  const token = await fetchToken(base, 'diode', creds.client_id, creds.client_secret, 'diode:read')
  type End = { object_type: string, object: { name: string, device: { name: string } } }
  type Cable = { id: number, status: { value: string }, a_terminations: End[], b_terminations: End[] }
  const name = (ends: End[]): string => ends.map((e) => `${e.object.device.name}:${e.object.name}`).join(',')
  const key = (c: Cable): string => [name(c.a_terminations), name(c.b_terminations)].sort().join(' -- ')
  const cables = await eventually(async () => {
    const all = await listAll<Cable>(`${base}/api/dcim/cables/?limit=100`, token)
    const keys = new Set(all.map(key))
    return expected.every((k) => keys.has(k)) ? all : undefined
  }, 90000, 1000)
  for (const c of cables.filter((x) => expected.includes(key(x)))) {
    assert.equal(c.status.value, 'connected')
    for (const end of [...c.a_terminations, ...c.b_terminations]) {
      assert.equal(end.object_type, 'dcim.interface')
      const [iface] = await listAll<{ cable: { id: number } | null }>(
        `${base}/api/dcim/interfaces/?device=${encodeURIComponent(end.object.device.name)}&name=${encodeURIComponent(end.object.name)}`, token)
      assert.equal(iface.cable?.id, c.id, `${end.object.device.name}:${end.object.name} shows cable ${c.id}`)
    }
  }
  const failed = await (await fetch(`${base}/api/ingestion-logs/?state=FAILED`, { headers: { authorization: `Bearer ${token}` } })).json() as { count: number, results: unknown[] }
  assert.equal(failed.count, 0, `no entity failed: ${JSON.stringify(failed.results.slice(0, 3))}`)
})
