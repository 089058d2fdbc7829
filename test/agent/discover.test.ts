import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { parseDiscoverUrl } from '../../agent/index.ts'
import type { SnmpTargetSettings, SshTargetSettings } from '../../agent/index.ts'
import { runDiscover, help } from '../../cli/commands/discover.ts'
import type { Ingestor } from '../../sdk/index.ts'
import { fakeDevice, silentAgentLogger } from './runtime-helpers.ts'

const COMMUNITY = 'c@mm/S3CRET'
const ENCODED = encodeURIComponent(COMMUNITY)

function sink (): { stream: Writable, text: () => string } {
  const chunks: string[] = []
  return { stream: new Writable({ write (c, _e, cb) { chunks.push(String(c)); cb() } }), text: () => chunks.join('') }
}

test('discover - URLs parse into collector settings', () => {
  assert.deepEqual(parseDiscoverUrl(`snmp://${ENCODED}@192.0.2.1:1161`), { kind: 'snmp', host: '192.0.2.1', settings: { host: '192.0.2.1', port: 1161, credentials: [{ version: '2c', community: COMMUNITY }] } })
  assert.deepEqual(parseDiscoverUrl('snmp://public@[2001:db8::1]').settings, { host: '2001:db8::1', credentials: [{ version: '2c', community: 'public' }] })
  assert.deepEqual(parseDiscoverUrl('snmpv3://mon@core1.example.net?auth=SHA256&priv=aes&context=c1', { authKey: 'ak-123456', privKey: 'pk-123456' }).settings, {
    host: 'core1.example.net',
    credentials: [{ version: '3', username: 'mon', authProtocol: 'sha256', authKey: 'ak-123456', privProtocol: 'aes', privKey: 'pk-123456', context: 'c1' }]
  })
  assert.deepEqual(parseDiscoverUrl('snmpv3://mon@h').settings, { host: 'h', credentials: [{ version: '3', username: 'mon' }] })
  assert.deepEqual(parseDiscoverUrl('ssh://netops@10.0.0.1:2222?platform=cisco_ios', { password: 'pw', enableSecret: 'en', hostKeyPolicy: 'accept-new' }).settings, {
    host: '10.0.0.1', port: 2222, platform: 'cisco_ios', hostKeyPolicy: 'accept-new', credentials: [{ username: 'netops', password: 'pw', enableSecret: 'en' }]
  })
})

test('discover - bad URLs get clear errors that never repeat the secret', () => {
  const cases: Array<[string, RegExp, object?]> = [
    ['192.0.2.1', /^not a discovery URL: expected snmp:\/\/COMMUNITY@HOST/],
    [`http://${ENCODED}@h`, /^unsupported scheme "http:\/\/"/],
    ['snmp://h', /^snmp:\/\/h: the community goes before the host/],
    [`snmp://${ENCODED}@h?version=1`, /^snmp:\/\/…@h: unknown query parameter "version" \(allowed: none\)$/],
    [`snmp://${ENCODED}@h:99999`, /^malformed snmp:\/\/ URL/],
    [`snmp://${ENCODED}@h/x`, /a path is not allowed/],
    ['snmpv3://u@h?auth=sha', /auth=sha needs a key: --auth-key or TRIBUTARY_SNMP_AUTH_KEY$/],
    ['snmpv3://u@h?priv=aes', /priv needs auth as well/, { privKey: 'x' }],
    ['snmpv3://u@h?auth=sha3', /auth must be one of md5, sha/],
    [`snmpv3://u:${ENCODED}@h`, /keys do not go in the URL/],
    ['ssh://u@h', /needs a password \(--password or TRIBUTARY_SSH_PASSWORD\) or a key \(--key FILE\)$/],
    [`ssh://u:${ENCODED}@h?platform=ios`, /platform must be one of cisco_ios/]
  ]
  for (const [url, message, secrets] of cases) {
    assert.throws(() => parseDiscoverUrl(url, secrets), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'ERR_AGENT_DISCOVER_URL')
      assert.match(e.message, message)
      assert.ok(!e.message.includes(COMMUNITY) && !e.message.includes(ENCODED) && !e.message.includes('S3CRET'), e.message)
      return true
    })
  }
})

test('discover - prints one JSON array of entities in protobuf JSON field names', async () => {
  let got: SnmpTargetSettings | undefined
  const out = sink()
  const code = await runDiscover([`snmp://${ENCODED}@192.0.2.7`, '--site', 'DC9', '--role', 'edge'], {
    stdout: out.stream,
    stderr: sink().stream,
    logger: silentAgentLogger,
    env: {},
    collectors: { snmp: async (s) => { got = s; return { device: fakeDevice(s.host, 'edge-1'), credentialIndex: 0 } } }
  })
  assert.equal(code, 0)
  assert.deepEqual(got?.credentials, [{ version: '2c', community: COMMUNITY }])
  const entities = JSON.parse(out.text()) as Array<Record<string, Record<string, unknown>>>
  assert.ok(Array.isArray(entities))
  assert.deepEqual(entities.map((e) => Object.keys(e).filter((k) => k !== 'timestamp')[0]), ['device', 'interface', 'ip_address', 'prefix'])
  assert.match(entities[0].timestamp as unknown as string, /^\d{4}-\d\d-\d\dT/)
  assert.deepEqual(entities[0].device.device_type, { model: 'M1', manufacturer: { name: 'Acme' } })
  assert.deepEqual(entities[0].device.site, { name: 'DC9' })
  assert.deepEqual(entities[0].device.role, { name: 'edge' })
  assert.deepEqual(entities[0].device.primary_ip4, { address: '192.0.2.7/24' })
  assert.deepEqual(entities[2].ip_address.assigned_object_interface, { name: 'eth0', device: { name: 'edge-1', site: { name: 'DC9' } } })
  assert.ok(!out.text().includes(COMMUNITY))
})

test('discover - an SNMP and an SSH URL for one device merge; secrets come from the environment', async () => {
  let ssh: SshTargetSettings | undefined
  const out = sink()
  const code = await runDiscover(['snmpv3://mon@192.0.2.8?auth=sha&priv=aes', 'ssh://admin@192.0.2.8?platform=arista_eos'], {
    stdout: out.stream,
    stderr: sink().stream,
    logger: silentAgentLogger,
    env: { TRIBUTARY_SNMP_AUTH_KEY: 'auth-key-1', TRIBUTARY_SNMP_PRIV_KEY: 'priv-key-1', TRIBUTARY_SSH_PASSWORD: 'ssh-pw-1', TRIBUTARY_SSH_ENABLE_SECRET: 'en-1' },
    collectors: {
      snmp: async (s) => ({ device: { ...fakeDevice(s.host, 'snmp-name'), serial: 'A' }, credentialIndex: 0 }),
      ssh: async (s) => { ssh = s; return { device: { ...fakeDevice(s.host, 'ssh-name'), source: 'ssh', serial: 'B' }, credentialIndex: 0 } }
    }
  })
  assert.equal(code, 0)
  assert.deepEqual(ssh?.credentials, [{ username: 'admin', password: 'ssh-pw-1', enableSecret: 'en-1' }])
  const [device] = JSON.parse(out.text()) as Array<{ device: { name: string, serial: string } }>
  assert.deepEqual([device.device.name, device.device.serial], ['ssh-name', 'B'])
})

test('discover - a failing device exits 1 with the reason on stderr and no secret', async () => {
  const err = sink()
  const code = await runDiscover([`snmp://${ENCODED}@192.0.2.9`], {
    stdout: sink().stream,
    stderr: err.stream,
    logger: silentAgentLogger,
    env: {},
    collectors: { snmp: async () => { throw Object.assign(new Error(`community ${COMMUNITY} rejected by 192.0.2.9:161`), { code: 'ERR_SNMP_AUTH' }) } }
  })
  assert.equal(code, 1)
  assert.equal(err.text(), 'tributary discover: snmp 192.0.2.9: community [Redacted] rejected by 192.0.2.9:161 [ERR_SNMP_AUTH]\n')
  const usage = sink()
  assert.equal(await runDiscover([`snmp://${ENCODED}@h`, `snmp://${ENCODED}@h`], { stdout: sink().stream, stderr: usage.stream, env: {} }), 2)
  assert.match(usage.text(), /two snmp URLs/)
  assert.ok(!usage.text().includes('S3CRET'))
  assert.match(help, /Examples:/)
})

test('discover - --ingest sends the entities and prints the request ids', async () => {
  const sent: Array<{ count: number, target: string, secret?: string }> = []
  const out = sink()
  const code = await runDiscover(['snmp://public@192.0.2.10', '--ingest', 'grpc://127.0.0.1:8080/diode', '--client-id', 'me', '--client-secret', 'cs-123456'], {
    stdout: out.stream,
    stderr: sink().stream,
    logger: silentAgentLogger,
    env: {},
    collectors: { snmp: async (s) => ({ device: fakeDevice(s.host), credentialIndex: 0 }) },
    createIngestor: async (o) => {
      const ingestor: Ingestor = {
        async ingest (entities) { sent.push({ count: entities.length, target: o.target, ...(o.clientSecret !== undefined ? { secret: o.clientSecret } : {}) }); return { errors: [], requestIds: ['r-1', 'r-2'] } },
        async close () {}
      }
      return ingestor
    }
  })
  assert.equal(code, 0)
  assert.deepEqual(sent, [{ count: 4, target: 'grpc://127.0.0.1:8080/diode', secret: 'cs-123456' }])
  assert.equal(out.text(), 'r-1\nr-2\n')
})

test('discover - real collectors: an SNMP agent and an SSH device on loopback, merged into one array', async () => {
  const { startSnmpResponder } = await import('../../lab/snmp-responder.ts')
  const { loadSnmprec } = await import('../../lab/snmprec.ts')
  const { startSshSimulator, loadSimulatedDevice } = await import('../../agent/ssh/index.ts')
  const fixtures = new URL('../fixtures/', import.meta.url).pathname
  const snmp = await startSnmpResponder({ recordings: new Map([[COMMUNITY, loadSnmprec(`${fixtures}snmp/cisco-c9300.snmprec`)]]) })
  const edge1 = await loadSimulatedDevice(`${fixtures}ssh/edge1.yaml`)
  const ssh = await startSshSimulator({ devices: [edge1] })
  try {
    const out = sink()
    const err = sink()
    const code = await runDiscover([
      `snmp://${ENCODED}@127.0.0.1:${snmp.port}`,
      `ssh://${edge1.username}@127.0.0.1:${ssh.devices[0].port}?platform=cisco_ios`,
      '--host-key-policy', 'off', '--site', 'LAB', '--timeout', '30s'
    ], { stdout: out.stream, stderr: err.stream, logger: silentAgentLogger, env: { TRIBUTARY_SSH_PASSWORD: edge1.password, TRIBUTARY_SSH_ENABLE_SECRET: edge1.enableSecret ?? '' } })
    assert.equal(code, 0, err.text())
    const entities = JSON.parse(out.text()) as Array<Record<string, Record<string, unknown>>>
    const device = entities[0].device
    // SSH's facts win: the simulated edge1 names itself; SNMP adds what only it read.
    assert.equal(device.name, 'edge1')
    assert.deepEqual(device.site, { name: 'LAB' })
    assert.ok(entities.filter((e) => e.interface !== undefined).length > 5)
    assert.ok(!out.text().includes(COMMUNITY) && !out.text().includes(edge1.password))
    assert.ok(!err.text().includes(COMMUNITY) && !err.text().includes(edge1.password))
  } finally {
    await ssh.stop()
    await snmp.close()
  }
})
