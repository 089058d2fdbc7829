import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { runAgentCommand, help } from '../../cli/commands/agent.ts'
import type { SnmpCollector } from '../../agent/index.ts'
import { fakeDevice, recordingIngestor, silentAgentLogger } from './runtime-helpers.ts'

const SECRET = 'cli-c0mmunity-S3CRET'

function sink (): { stream: Writable, text: () => string } {
  const chunks: string[] = []
  return { stream: new Writable({ write (c, _e, cb) { chunks.push(String(c)); cb() } }), text: () => chunks.join('') }
}

function withConfig (yaml: string, fn: (file: string, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'agent-cli-'))
  const file = join(dir, 'agent.yaml')
  writeFileSync(file, yaml)
  return fn(file, dir).finally(() => rmSync(dir, { recursive: true, force: true }))
}

const YAML = `
tributary: { agent_name: cli-1, target: grpc://127.0.0.1:1/diode }
policies:
  lab:
    scope: [ { targets: [10.0.0.1-2], snmp: { community: "\${C}" } } ]
`
const env = { C: SECRET }
const halfDown: SnmpCollector = async (s) => {
  if (s.host === '10.0.0.2') throw Object.assign(new Error(`no answer from ${s.host}:161`), { code: 'ERR_SNMP_TIMEOUT' })
  return { device: fakeDevice(s.host), credentialIndex: 0 }
}
const allDown: SnmpCollector = async (s) => { throw Object.assign(new Error(`no answer from ${s.host}:161`), { code: 'ERR_SNMP_TIMEOUT' }) }

test('agent command - --once prints a summary and exits 0 when anything was discovered', async () => {
  await withConfig(YAML, async (file) => {
    const out = sink()
    const err = sink()
    const ingestor = recordingIngestor()
    const code = await runAgentCommand(['--config', file, '--once'], { stdout: out.stream, stderr: err.stream, collectors: { snmp: halfDown }, ingestor, logger: silentAgentLogger, env })
    assert.equal(code, 0)
    assert.match(out.text(), /^policy lab: 2 target\(s\), 1 ok, 1 failed, 4 entities sent \(completed, [\d.]+ s\)\n {2}failed 10\.0\.0\.2: snmp: no answer from 10\.0\.0\.2:161 \[ERR_SNMP_TIMEOUT\]\ndiscovery finished\n$/)
    assert.equal(ingestor.calls.length, 1)
    assert.equal(ingestor.closed, false, 'an injected ingestor belongs to the caller')
  })
})

test('agent command - --once exits 1 when nothing could be discovered', async () => {
  await withConfig(YAML, async (file) => {
    const out = sink()
    const code = await runAgentCommand(['-c', file, '--once'], { stdout: out.stream, stderr: sink().stream, collectors: { snmp: allDown }, ingestor: recordingIngestor(), logger: silentAgentLogger, env })
    assert.equal(code, 1)
    assert.match(out.text(), /2 target\(s\), 0 ok, 2 failed.*\(failed,/)
    assert.match(out.text(), /nothing could be discovered\n$/)
  })
})

test('agent command - config and usage errors exit 2 with the key and no secret', async () => {
  await withConfig(YAML.replace('snmp: { community', 'snmp: { version: 5, community'), async (file) => {
    const err = sink()
    assert.equal(await runAgentCommand(['--config', file, '--once'], { stdout: sink().stream, stderr: err.stream, logger: silentAgentLogger, env }), 2)
    assert.match(err.text(), /^tributary agent: policies\.lab\.scope\[0\]\.snmp\.version: expected "2c" or "3", got 5\n$/)
  })
  await withConfig(YAML, async (file) => {
    const err = sink()
    assert.equal(await runAgentCommand(['--config', file], { stdout: sink().stream, stderr: err.stream, logger: silentAgentLogger, env: {} }), 2)
    assert.match(err.text(), /policies\.lab\.scope\[0\]\.snmp\.community: environment variable C is not set/)
  })
  const err = sink()
  assert.equal(await runAgentCommand(['--once'], { stdout: sink().stream, stderr: err.stream }), 2)
  assert.match(err.text(), /--config FILE is required/)
  assert.match(help, /Example/)
})

test('agent command - --policy runs only the named policies', async () => {
  await withConfig(YAML + '  other:\n    scope: [ { targets: [10.9.9.9], snmp: { community: x } } ]\n', async (file) => {
    const out = sink()
    const ingestor = recordingIngestor()
    assert.equal(await runAgentCommand(['--config', file, '--once', '--policy', 'other'], { stdout: out.stream, stderr: sink().stream, collectors: { snmp: halfDown }, ingestor, logger: silentAgentLogger, env }), 0)
    assert.match(out.text(), /^policy other: 1 target\(s\), 1 ok/)
    assert.doesNotMatch(out.text(), /policy lab/)
    const err = sink()
    assert.equal(await runAgentCommand(['--config', file, '--once', '-p', 'nope'], { stdout: sink().stream, stderr: err.stream, logger: silentAgentLogger, env }), 2)
    assert.match(err.text(), /--policy: no policy named "nope" \(the file has: lab, other\)/)
  })
})

test('agent command - --check prints the plan without secrets and contacts nothing', async () => {
  await withConfig(YAML.replace('snmp: {', 'ssh: { username: admin, password: "${C}" }, snmp: {'), async (file) => {
    const out = sink()
    const code = await runAgentCommand(['--config', file, '--check'], { stdout: out.stream, stderr: sink().stream, collectors: { snmp: async () => { throw new Error('must not run') } }, logger: silentAgentLogger, env })
    assert.equal(code, 0)
    assert.equal(out.text(), [
      'agent cli-1: sending to grpc://127.0.0.1:1/diode, 16 target(s) at a time, status off',
      'policy lab: 2 target(s), once at start, timeout 120 s per target, site cli-1',
      '  10.0.0.1: snmp v2c + ssh auto-detect as admin',
      '  10.0.0.2: snmp v2c + ssh auto-detect as admin',
      ''
    ].join('\n'))
    assert.ok(!out.text().includes(SECRET))
  })
})

test('agent command - --dry-run-output-dir writes the requests through the SDK dry-run client, without secrets', async () => {
  await withConfig(YAML, async (file, dir) => {
    const outDir = join(dir, 'out')
    const out = sink()
    const code = await runAgentCommand(['--config', file, '--once', '--dry-run-output-dir', outDir], { stdout: out.stream, stderr: sink().stream, collectors: { snmp: halfDown }, logger: silentAgentLogger, env })
    assert.equal(code, 0)
    const files = readdirSync(outDir)
    assert.equal(files.length, 1)
    const body = readFileSync(join(outDir, files[0]), 'utf8')
    assert.ok(!body.includes(SECRET))
    assert.equal((JSON.parse(body) as { producer_app_name: string }).producer_app_name, 'cli-1/tributary-agent')
  })
})

test('agent command - without --once it runs until the stop signal, then stops cleanly', async () => {
  await withConfig(YAML, async (file) => {
    const ingestor = recordingIngestor()
    let stop!: (s: string) => void
    const stopped = new Promise<string>((resolve) => { stop = resolve })
    const running = runAgentCommand(['--config', file], { stdout: sink().stream, stderr: sink().stream, collectors: { snmp: halfDown }, ingestor, logger: silentAgentLogger, env, untilSignal: async () => await stopped })
    // The unscheduled policy runs once at start; then the agent idles until told to stop.
    while (ingestor.calls.length === 0) await new Promise((resolve) => setImmediate(resolve))
    stop('SIGTERM')
    assert.equal(await running, 0)
  })
})
