// The runtime with the real collectors against real peers on loopback: an SNMP agent answering
// from a recording, a UDP port that never answers, one that answers garbage, and an SSH device
// that refuses the password. Each failure is one clear per-target failure; the device that
// answers is discovered and sent.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createSocket } from 'node:dgram'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createAgent, parseAgentConfig } from '../../agent/index.ts'
import { startSnmpResponder } from '../../lab/snmp-responder.ts'
import { loadSnmprec } from '../../lab/snmprec.ts'
import { startSshSimulator, loadSimulatedDevice } from '../../agent/ssh/index.ts'
import { capturingLogger, recordingIngestor } from './runtime-helpers.ts'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const COMMUNITY = 'cisco-ro-S3CRET'
const WRONG_PASSWORD = 'not-the-edge1-password'

async function udp (answer?: (reply: (b: Buffer) => void) => void): Promise<{ port: number, close: () => Promise<void> }> {
  const sock = createSocket('udp4')
  sock.on('message', (_msg, from) => answer?.((b) => sock.send(b, from.port, from.address)))
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()))
  return { port: sock.address().port, close: () => new Promise((resolve) => sock.close(() => resolve())) }
}

test('runtime with real peers - silent, garbage and refusing targets fail clearly; the answering device is sent', async () => {
  const snmp = await startSnmpResponder({ recordings: new Map([[COMMUNITY, loadSnmprec(`${FIXTURES}snmp/cisco-c9300.snmprec`)]]) })
  const silent = await udp()
  const garbage = await udp((reply) => reply(randomBytes(48)))
  const edge1 = await loadSimulatedDevice(`${FIXTURES}ssh/edge1.yaml`)
  const ssh = await startSshSimulator({ devices: [edge1] })
  const { logger, lines, text } = capturingLogger()
  try {
    const snmpAt = (port: number): string => `{ targets: [127.0.0.1], snmp: { community: "\${C}", port: ${port}, timeout: 300ms, retries: 0 } }`
    const config = parseAgentConfig(`
tributary: { agent_name: e2e, dry_run: true }
policies:
  lab:
    defaults: { site: LAB }
    options: { timeout_per_target: 20s }
    scope:
      - ${snmpAt(snmp.port)}
      - ${snmpAt(silent.port)}
      - ${snmpAt(garbage.port)}
      - { targets: [127.0.0.1], ssh: { platform: cisco_ios, username: netops, password: "\${P}", port: ${ssh.devices[0].port}, host_key_policy: "off", timeout: 5s } }
`, { env: { C: COMMUNITY, P: WRONG_PASSWORD } })
    assert.equal(config.policies[0].targets.length, 4)
    const ingestor = recordingIngestor()
    const agent = createAgent({ config, logger, ingestor })
    const { runs: [run] } = await agent.runOnce()
    await agent.stop()

    assert.deepEqual([run.targets, run.succeeded, run.failed], [4, 1, 3])
    const codes = run.failures.map((f) => f.code).sort()
    assert.deepEqual(codes, ['ERR_SNMP_INVALID_RESPONSE', 'ERR_SNMP_TIMEOUT', 'ERR_SSH_AUTH'].sort())
    for (const f of run.failures) {
      assert.equal(f.target, '127.0.0.1')
      assert.match(f.reason, /^(snmp|ssh): .*127\.0\.0\.1:\d+/)
    }
    const warnings = lines().filter((l) => l.level === 40 && l.msg === 'target failed')
    assert.equal(warnings.length, 3)

    assert.equal(ingestor.calls.length, 1)
    const device = ingestor.calls[0].entities[0].device
    assert.equal(device?.site?.name, 'LAB')
    assert.equal(device?.name, 'core1.example.net')
    assert.equal(device?.device_type?.manufacturer?.name, 'Cisco')
    assert.ok(ingestor.calls[0].entities.some((e) => e.interface !== undefined))
    assert.ok(!text().includes(COMMUNITY) && !text().includes(WRONG_PASSWORD), 'secret in the log')
    assert.ok(!JSON.stringify(agent.status()).includes(COMMUNITY))
  } finally {
    await ssh.stop()
    await snmp.close()
    await silent.close()
    await garbage.close()
  }
})
