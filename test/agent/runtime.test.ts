import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAgent, parseAgentConfig, TargetError } from '../../agent/index.ts'
import type { SnmpCollector, SshCollector } from '../../agent/index.ts'
import { createDryRunClient } from '../../sdk/index.ts'
import { capturingLogger, fakeDevice, recordingIngestor, silentAgentLogger } from './runtime-helpers.ts'

const COMMUNITY = 'c0mmunity-S3CRET'
const PASSWORD = 'pa55word-S3CRET'

function config (extra = ''): ReturnType<typeof parseAgentConfig> {
  return parseAgentConfig(`
tributary: { agent_name: edge-7, dry_run: true, concurrency: 4 }
policies:
  lab:
    defaults: { site: LAB, role: access }
    options: { timeout_per_target: 300ms }
    scope:
      - targets: [10.0.0.1-4]
        snmp: { community: "\${COMMUNITY}" }
${extra}`, { env: { COMMUNITY, PASSWORD } })
}

// 10.0.0.1 answers, .2 never answers (and ignores the abort signal), .3 answers garbage,
// .4 rejects the credentials.
const misbehaving: SnmpCollector = async (settings) => {
  switch (settings.host) {
    case '10.0.0.1': return { device: fakeDevice(settings.host), credentialIndex: 0 }
    case '10.0.0.2': return await new Promise(() => {})
    case '10.0.0.3': return { device: { target: settings.host, interfaces: 'garbage' }, credentialIndex: 0 } as never
    default: {
      const err = new Error(`SNMP peer ${settings.host}:161 rejected the request: bad community`) as Error & { code: string }
      err.code = 'ERR_SNMP_AUTH'
      throw err
    }
  }
}

test('runtime - silent, garbage and refusing targets each fail clearly while the others complete', async () => {
  const { logger, lines, text } = capturingLogger()
  const ingestor = recordingIngestor()
  const agent = createAgent({ config: config(), logger, ingestor, collectors: { snmp: misbehaving } })
  const summary = await agent.runOnce()
  await agent.stop()

  assert.equal(summary.discovered, true)
  const [run] = summary.runs
  assert.equal(run.status, 'completed')
  assert.deepEqual([run.targets, run.succeeded, run.failed], [4, 1, 3])
  const byTarget = Object.fromEntries(run.failures.map((f) => [f.target, f]))
  assert.equal(byTarget['10.0.0.2'].code, 'ERR_AGENT_TARGET_TIMEOUT')
  assert.match(byTarget['10.0.0.2'].reason, /timed out after 300 ms \(timeout_per_target\)/)
  assert.equal(byTarget['10.0.0.3'].code, 'ERR_AGENT_INVALID_RESULT')
  assert.match(byTarget['10.0.0.3'].reason, /snmp collector returned no usable device/)
  assert.equal(byTarget['10.0.0.4'].code, 'ERR_SNMP_AUTH')
  assert.match(byTarget['10.0.0.4'].reason, /^snmp: SNMP peer 10\.0\.0\.4:161 rejected the request: bad community$/)

  // Exactly one warning line per failed target, naming it and the reason.
  const warnings = lines().filter((l) => l.level === 40)
  assert.deepEqual(warnings.map((w) => w.target).sort(), ['10.0.0.2', '10.0.0.3', '10.0.0.4'])
  for (const w of warnings) {
    assert.equal(w.msg, 'target failed')
    assert.equal(w.policy, 'lab')
    assert.equal(typeof w.reason, 'string')
  }
  assert.ok(!text().includes(COMMUNITY), 'community leaked into the log')

  // The device that answered went out as one Ingest, device first, with the run's metadata.
  assert.equal(ingestor.calls.length, 1)
  const [call] = ingestor.calls
  assert.deepEqual(call.metadata, { policy_name: 'lab', run_id: run.runId, agent_name: 'edge-7', target: '10.0.0.1' })
  assert.deepEqual(call.entities.map((e) => Object.keys(e).find((k) => k !== 'timestamp')), ['device', 'interface', 'ip_address', 'prefix'])
  assert.deepEqual(call.entities[0].device?.site, { name: 'LAB' })
  assert.deepEqual(call.entities[0].device?.primary_ip4, { address: '10.0.0.1/24' })
  assert.equal(run.entitiesSent, 4)
})

test('runtime - a secret echoed by a collector is scrubbed from reasons and logs', async () => {
  const { logger, text } = capturingLogger()
  const leaky: SnmpCollector = async (s) => { throw new TargetError('ERR_SNMP_AUTH', s.host, `community ${COMMUNITY} refused`) }
  const agent = createAgent({ config: config(), logger, ingestor: recordingIngestor(), collectors: { snmp: leaky } })
  const summary = await agent.runOnce()
  await agent.stop()
  assert.equal(summary.discovered, false)
  assert.equal(summary.runs[0].status, 'failed')
  assert.match(summary.runs[0].failures[0].reason, /community \[Redacted\] refused/)
  assert.ok(!JSON.stringify(summary).includes(COMMUNITY))
  assert.ok(!text().includes(COMMUNITY))
  assert.ok(!JSON.stringify(agent.status()).includes(COMMUNITY))
})

test('runtime - the credential that worked is tried first on the next run, per device', async () => {
  const seen: Array<[string, number | undefined]> = []
  const snmp: SnmpCollector = async (s, o) => {
    seen.push([s.host, o?.preferredCredential])
    return { device: fakeDevice(s.host), credentialIndex: s.host === '10.0.0.1' ? 1 : 0 }
  }
  const agent = createAgent({ config: config(), logger: silentAgentLogger, ingestor: recordingIngestor(), collectors: { snmp } })
  await agent.runOnce()
  const first = seen.splice(0)
  assert.deepEqual(first.map(([, p]) => p), [undefined, undefined, undefined, undefined])
  await agent.runOnce()
  assert.deepEqual(Object.fromEntries(seen), { '10.0.0.1': 1, '10.0.0.2': 0, '10.0.0.3': 0, '10.0.0.4': 0 })
  await agent.stop()
})

test('runtime - collectors get an abort signal and an absolute deadline', async () => {
  let got: { signal?: AbortSignal, deadline?: number } = {}
  const before = Date.now()
  const snmp: SnmpCollector = async (s, o) => {
    got = { ...(o?.signal !== undefined ? { signal: o.signal } : {}), ...(o?.deadline !== undefined ? { deadline: o.deadline } : {}) }
    await new Promise<void>((resolve) => o?.signal?.addEventListener('abort', () => resolve(), { once: true }))
    throw new Error('aborted by the agent')
  }
  const agent = createAgent({ config: parseAgentConfig('tributary: { dry_run: true }\npolicies:\n  p:\n    options: { timeout_per_target: 50ms }\n    scope: [ { targets: [h1], snmp: { community: x } } ]\n'), logger: silentAgentLogger, ingestor: recordingIngestor(), collectors: { snmp } })
  const { runs: [run] } = await agent.runOnce()
  await agent.stop()
  assert.ok(got.signal?.aborted)
  assert.ok(got.deadline !== undefined && got.deadline >= before + 50)
  assert.equal(run.failures[0].code, 'ERR_AGENT_TARGET_TIMEOUT')
  assert.match(run.failures[0].reason, /snmp: aborted by the agent/)
})

test('runtime - SNMP and SSH both run for one target and merge, SSH winning', async () => {
  const snmp: SnmpCollector = async (s) => ({
    device: { ...fakeDevice(s.host, 'sw1'), serial: 'SNMP-SERIAL', interfaces: [{ name: 'Gi0/1', speedKbps: 1_000_000, mac: '00:11:22:33:44:55' }] },
    credentialIndex: 0
  })
  const ssh: SshCollector = async (s) => ({
    device: { ...fakeDevice(s.host, 'sw1'), source: 'ssh', serial: 'SSH-SERIAL', interfaces: [{ name: 'GigabitEthernet0/1', description: 'uplink', type: '1000base-t' }], addresses: [{ address: `${s.host}/24`, interface: 'GigabitEthernet0/1' }] },
    credentialIndex: 0
  })
  const cfg = parseAgentConfig(`
tributary: { dry_run: true }
policies:
  both:
    defaults: { site: S }
    scope:
      - targets: [192.0.2.10]
        snmp: { community: public }
        ssh: { username: u, password: "\${PASSWORD}", platform: cisco_ios }
`, { env: { PASSWORD } })
  const ingestor = recordingIngestor()
  const agent = createAgent({ config: cfg, logger: silentAgentLogger, ingestor, collectors: { snmp, ssh } })
  const { runs: [run] } = await agent.runOnce()
  await agent.stop()
  assert.equal(run.succeeded, 1)
  const entities = ingestor.calls[0].entities
  assert.equal(entities[0].device?.serial, 'SSH-SERIAL')
  const ifaces = entities.filter((e) => e.interface !== undefined).map((e) => e.interface)
  assert.deepEqual(ifaces, [{ device: { name: 'sw1', site: { name: 'S' } }, name: 'GigabitEthernet0/1', type: '1000base-t', speed: 1_000_000, mac_address: '00:11:22:33:44:55', description: 'uplink' }])
})

test('runtime - one collector failing while the other answers is a success with one gap line', async () => {
  const { logger, lines } = capturingLogger()
  const snmp: SnmpCollector = async (s) => ({ device: fakeDevice(s.host), credentialIndex: 0, warnings: [{ phase: 'lldpRemTable', code: 'ERR_SNMP_TIMEOUT', message: 'lldpRemTable timed out' }] })
  const ssh: SshCollector = async () => { throw Object.assign(new Error('connection refused by 192.0.2.10:22'), { code: 'ERR_SSH_CONNECT' }) }
  const cfg = parseAgentConfig(`
tributary: { dry_run: true }
policies:
  both:
    scope: [ { targets: [192.0.2.10], snmp: { community: public }, ssh: { username: u, password: "\${PASSWORD}" } } ]
`, { env: { PASSWORD } })
  const agent = createAgent({ config: cfg, logger, ingestor: recordingIngestor(), collectors: { snmp, ssh } })
  const { runs: [run] } = await agent.runOnce()
  await agent.stop()
  assert.deepEqual([run.succeeded, run.failed, run.warnings], [1, 0, 1])
  const warns = lines().filter((l) => l.level === 40)
  assert.equal(warns.length, 1)
  assert.equal(warns[0].msg, 'target discovered with gaps')
  assert.deepEqual((warns[0].gaps as Array<{ code: string }>).map((g) => g.code), ['ERR_SNMP_TIMEOUT', 'ERR_SSH_CONNECT'])
})

test('runtime - an ingester that rejects or fails makes the target fail, not the run', async () => {
  const agent = createAgent({
    config: config(),
    logger: silentAgentLogger,
    ingestor: recordingIngestor((entities) => ({ errors: entities.length > 0 ? ['entities[1].interface.type: bad'] : [] })),
    collectors: { snmp: async (s) => ({ device: fakeDevice(s.host), credentialIndex: 0 }) }
  })
  const { runs: [run] } = await agent.runOnce()
  await agent.stop()
  assert.equal(run.failed, 4)
  assert.equal(run.failures[0].code, 'ERR_AGENT_INGEST_REJECTED')
  assert.match(run.failures[0].reason, /ingester reported 1 error\(s\): entities\[1\]\.interface\.type: bad/)
})

test('runtime - dry run through the SDK dry-run client writes the requests and no secret', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-dry-run-'))
  try {
    const cfg = parseAgentConfig(`
tributary: { agent_name: edge-7, dry_run: true, dry_run_output_dir: "${dir}", client_secret: "\${PASSWORD}" }
policies:
  lab:
    defaults: { site: LAB }
    scope:
      - targets: [10.0.0.1-2]
        snmp: { community: "\${COMMUNITY}" }
        ssh: { username: admin, password: "\${PASSWORD}", enable_secret: "\${PASSWORD}" }
`, { env: { COMMUNITY, PASSWORD } })
    const collect = async (s: { host: string }): Promise<{ device: ReturnType<typeof fakeDevice>, credentialIndex: number }> => ({ device: fakeDevice(s.host), credentialIndex: 0 })
    // No ingestor given: the agent makes the SDK's dry-run client from the config.
    const agent = createAgent({ config: cfg, logger: silentAgentLogger, collectors: { snmp: collect, ssh: collect } })
    const summary = await agent.runOnce()
    await agent.stop()
    assert.equal(summary.runs[0].succeeded, 2)
    const files = readdirSync(dir)
    assert.equal(files.length, 2)
    for (const f of files) {
      const body = readFileSync(join(dir, f), 'utf8')
      assert.ok(!body.includes(COMMUNITY) && !body.includes(PASSWORD), `secret in ${f}`)
      const request = JSON.parse(body) as { producer_app_name: string, metadata: Record<string, unknown>, entities: Array<Record<string, unknown>> }
      assert.equal(request.producer_app_name, 'edge-7/tributary-agent')
      assert.equal(request.metadata.policy_name, 'lab')
      assert.equal(request.metadata.agent_name, 'edge-7')
      assert.ok('device' in request.entities[0])
    }
    // The SDK's own client, given explicitly, behaves the same.
    const explicit = createDryRunClient({ appName: 'x', outputDir: join(dir, 'explicit') })
    const again = createAgent({ config: cfg, logger: silentAgentLogger, ingestor: explicit, collectors: { snmp: collect, ssh: collect } })
    await again.runOnce()
    await again.stop()
    await explicit.close()
    assert.equal(readdirSync(join(dir, 'explicit')).length, 2)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('runtime - progress shows on a TTY only', async () => {
  const writes: string[] = []
  const snmp: SnmpCollector = async (s) => ({ device: fakeDevice(s.host), credentialIndex: 0 })
  const tty = createAgent({ config: config(), logger: silentAgentLogger, ingestor: recordingIngestor(), collectors: { snmp }, progress: { isTTY: true, write: (t) => writes.push(t) } })
  await tty.runOnce()
  await tty.stop()
  assert.match(writes.join(''), /\[lab\] 4\/4 targets, 0 failed/)
  const piped: string[] = []
  const pipe = createAgent({ config: config(), logger: silentAgentLogger, ingestor: recordingIngestor(), collectors: { snmp }, progress: { isTTY: false, write: (t) => piped.push(t) } })
  await pipe.runOnce()
  await pipe.stop()
  assert.deepEqual(piped, [])
})

test('runtime - a target given by host name gets its resolved address as primary IP', async () => {
  const snmp: SnmpCollector = async (s) => ({ device: { ...fakeDevice(s.host, 'lo-dev'), addresses: [{ address: '127.0.0.1/8', interface: 'eth0' }] }, credentialIndex: 0 })
  const cfg = parseAgentConfig('tributary: { dry_run: true }\npolicies:\n  p:\n    scope: [ { targets: [localhost], snmp: { community: x } } ]\n')
  const ingestor = recordingIngestor()
  const agent = createAgent({ config: cfg, logger: silentAgentLogger, ingestor, collectors: { snmp } })
  await agent.runOnce()
  await agent.stop()
  assert.deepEqual(ingestor.calls[0].entities[0].device?.primary_ip4, { address: '127.0.0.1/8' })
})

test('runtime - stop() cancels targets in flight and queued: recorded as cancelled, not warned about', async () => {
  const { logger, lines } = capturingLogger()
  let started = 0
  const snmp: SnmpCollector = async (_s, o) => {
    started++
    await new Promise<void>((resolve) => o?.signal?.addEventListener('abort', () => resolve(), { once: true }))
    throw Object.assign(new Error('aborted'), { code: 'ERR_SNMP_ABORTED' })
  }
  const cfg = parseAgentConfig('tributary: { dry_run: true, concurrency: 2 }\npolicies:\n  p:\n    scope: [ { targets: [10.0.0.1-5], snmp: { community: x } } ]\n')
  const agent = createAgent({ config: cfg, logger, ingestor: recordingIngestor(), collectors: { snmp } })
  const running = agent.runPolicy('p')
  while (started < 2) await new Promise((resolve) => setImmediate(resolve))
  await agent.stop()
  const run = await running
  assert.equal(run.status, 'cancelled')
  assert.equal(started, 2, 'queued targets never started')
  assert.deepEqual(run.failures.map((f) => f.code), Array(5).fill('ERR_AGENT_CANCELLED'))
  assert.equal(lines().filter((l) => l.level === 40).length, 0)
  await assert.rejects(agent.start(), { code: 'ERR_AGENT_STOPPED' })
  await assert.rejects(agent.runPolicy('nope'), { code: 'ERR_AGENT_UNKNOWN_POLICY' })
})

test('runtime - cables between devices of the run go in one request after every device\'s, also across policies', async () => {
  // Two switches cabled to each other, each in a policy of its own (as the lab has it).
  const peerOf: Record<string, [string, string]> = { '10.0.9.1': ['sw-b', '10.0.9.2'], '10.0.9.2': ['sw-a', '10.0.9.1'] }
  const snmp: SnmpCollector = async (s) => ({
    device: {
      ...fakeDevice(s.host, s.host === '10.0.9.1' ? 'sw-a' : 'sw-b'),
      neighbors: [{ protocol: 'lldp', localInterface: 'eth0', remoteSystemName: `${peerOf[s.host][0]}.example.net`, remotePort: 'eth0' }]
    },
    credentialIndex: 0
  })
  const cfg = parseAgentConfig(`
tributary: { dry_run: true }
policies:
  a: { defaults: { site: S }, scope: [{ targets: [10.0.9.1], snmp: { community: public } }] }
  b: { defaults: { site: S }, scope: [{ targets: [10.0.9.2], snmp: { community: public } }] }
`)
  const ingestor = recordingIngestor()
  const agent = createAgent({ config: cfg, logger: silentAgentLogger, ingestor, collectors: { snmp } })
  await agent.runOnce()
  const kinds = ingestor.calls.map((c) => c.entities.some((e) => e.cable !== undefined) ? 'cables' : 'device')
  assert.deepEqual(kinds, ['device', 'device', 'cables'])
  const cables = ingestor.calls[2].entities
  assert.deepEqual(cables.map((e) => [e.cable!.a_terminations![0].object_interface!.device!.name, e.cable!.b_terminations![0].object_interface!.device!.name]), [['sw-a', 'sw-b']])
  assert.equal(ingestor.calls[2].metadata?.policy_name, 'a,b')
  // One policy's run alone knows only its own device: nothing to cable.
  await agent.runPolicy('a')
  assert.equal(ingestor.calls.length, 4)
  assert.ok(ingestor.calls[3].entities.every((e) => e.cable === undefined))
  await agent.stop()
})

test('runtime - many targets in flight at once raise no listener-leak warning', async () => {
  const warnings: string[] = []
  const onWarning = (w: Error): void => { warnings.push(`${w.name}: ${w.message}`) }
  process.on('warning', onWarning)
  try {
    let inFlight = 0
    let peak = 0
    const snmp: SnmpCollector = async (s) => {
      peak = Math.max(peak, ++inFlight)
      await new Promise((resolve) => setTimeout(resolve, 20))
      inFlight--
      return { device: fakeDevice(s.host), credentialIndex: 0 }
    }
    const cfg = parseAgentConfig('tributary: { dry_run: true, concurrency: 16 }\npolicies:\n  p:\n    scope: [ { targets: [10.0.0.1-16], snmp: { community: x } } ]\n')
    const agent = createAgent({ config: cfg, logger: silentAgentLogger, ingestor: recordingIngestor(), collectors: { snmp } })
    const summary = await agent.runOnce()
    await agent.stop()
    assert.equal(summary.runs[0].succeeded, 16)
    assert.equal(peak, 16, 'all targets were visited at once')
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve))
    assert.deepEqual(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), [])
  } finally {
    process.off('warning', onWarning)
  }
})
