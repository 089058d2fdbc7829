import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import { createAgent, parseAgentConfig } from '../../agent/index.ts'
import type { SnmpCollector } from '../../agent/index.ts'
import { fakeDevice, recordingIngestor, silentAgentLogger } from './runtime-helpers.ts'

const COMMUNITY = 'status-c0mmunity-S3CRET'

test('status - GET /api/v1/status serves the run history and /metrics the tributary_agent_* series', async () => {
  const config = parseAgentConfig(`
tributary: { agent_name: edge-9, dry_run: true, status: { listen: "127.0.0.1:0" }, run_history: 2 }
policies:
  core:
    schedule: "0 3 * * *"
    scope: [ { targets: [10.1.0.1-3], snmp: { community: "\${C}" } } ]
`, { env: { C: COMMUNITY } })
  const snmp: SnmpCollector = async (s) => {
    if (s.host === '10.1.0.3') throw Object.assign(new Error(`no answer from ${s.host}:161`), { code: 'ERR_SNMP_TIMEOUT' })
    return { device: fakeDevice(s.host), credentialIndex: 0 }
  }
  const registry = new Registry()
  const agent = createAgent({ config, logger: silentAgentLogger, ingestor: recordingIngestor(), collectors: { snmp }, metricsRegistry: registry })
  for (let i = 0; i < 3; i++) await agent.runOnce()
  await agent.start()
  try {
    const { host, port } = agent.statusAddress!
    assert.equal(host, '127.0.0.1')
    assert.ok(port > 0)
    const res = await fetch(`http://${host}:${port}/api/v1/status`)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /application\/json/)
    const body = await res.text()
    assert.ok(!body.includes(COMMUNITY))
    const status = JSON.parse(body) as { agent_name: string, dry_run: boolean, policies: Array<Record<string, unknown> & { runs: Array<Record<string, unknown>> }> }
    assert.equal(status.agent_name, 'edge-9')
    assert.equal(status.dry_run, true)
    const [core] = status.policies
    assert.equal(core.name, 'core')
    assert.equal(core.schedule, '0 3 * * *')
    assert.equal(core.running, false)
    assert.equal(typeof core.next_run, 'string')
    // run_history: 2 keeps the last two of three runs.
    assert.equal(core.runs.length, 2)
    const run = core.runs[1]
    assert.equal(run.status, 'completed')
    assert.deepEqual([run.targets, run.succeeded, run.failed, run.entities_sent], [3, 2, 1, 8])
    assert.deepEqual(run.failures, [{ target: '10.1.0.3', code: 'ERR_SNMP_TIMEOUT', reason: 'snmp: no answer from 10.1.0.3:161' }])
    assert.equal(typeof run.run_id, 'string')
    assert.ok(Date.parse(run.ended_at as string) >= Date.parse(run.started_at as string))

    const metrics = await (await fetch(`http://${host}:${port}/metrics`)).text()
    assert.match(metrics, /tributary_agent_runs_total\{policy="core",status="completed"\} 3/)
    assert.match(metrics, /tributary_agent_targets_total\{policy="core",outcome="succeeded"\} 6/)
    assert.match(metrics, /tributary_agent_targets_total\{policy="core",outcome="failed"\} 3/)
    assert.match(metrics, /tributary_agent_entities_sent_total\{policy="core"\} 24/)
    assert.match(metrics, /tributary_agent_run_duration_seconds_count\{policy="core"\} 3/)

    assert.equal((await fetch(`http://${host}:${port}/healthz`)).status, 200)
    const missing = await fetch(`http://${host}:${port}/nope`)
    assert.equal(missing.status, 404)
    await missing.text()
    const post = await fetch(`http://${host}:${port}/api/v1/status`, { method: 'POST' })
    assert.equal(post.status, 405)
    await post.text()
  } finally {
    await agent.stop()
    await agent.stop()
  }
})

test('status - no server unless status.listen is configured', async () => {
  const config = parseAgentConfig('tributary: { dry_run: true }\npolicies:\n  p:\n    schedule: "0 3 * * *"\n    scope: [ { targets: [h], snmp: { community: x } } ]\n')
  const agent = createAgent({ config, logger: silentAgentLogger, ingestor: recordingIngestor(), collectors: { snmp: async (s) => ({ device: fakeDevice(s.host), credentialIndex: 0 }) } })
  await agent.start()
  assert.equal(agent.statusAddress, undefined)
  await agent.stop()
})

test('status - an address in use is a clear start error; the agent can still stop', async () => {
  const config = parseAgentConfig('tributary: { dry_run: true, status: { listen: "127.0.0.1:0" } }\npolicies:\n  p:\n    schedule: "0 3 * * *"\n    scope: [ { targets: [h], snmp: { community: x } } ]\n')
  const first = createAgent({ config, logger: silentAgentLogger, ingestor: recordingIngestor() })
  await Promise.all([first.start(), first.start()])
  const taken = first.statusAddress!
  const second = createAgent({ config: { ...config, statusListen: taken }, logger: silentAgentLogger, ingestor: recordingIngestor() })
  await assert.rejects(second.start(), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'ERR_AGENT_STATUS_LISTEN')
    assert.match(e.message, new RegExp(`^status server cannot listen on 127\\.0\\.0\\.1:${taken.port} \\(EADDRINUSE\\)`))
    return true
  })
  await second.stop()
  await first.stop()
})
