// The whole agent path on the simulated lab network: the lab writes its agent config, the
// runtime discovers every SNMP and SSH device with the real collectors, and each device goes
// out as one Ingest with a Device first; the cables between them follow in one more.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startLab } from '../../lab/index.ts'
import { createAgent, parseAgentConfig } from '../../agent/index.ts'
import { recordingIngestor, silentAgentLogger } from './runtime-helpers.ts'

test('runtime on the lab - every simulated device is discovered and sent as one request, the cables between them last', async () => {
  const lab = await startLab()
  try {
    const config = parseAgentConfig(lab.agentConfig({ dryRun: true, site: 'lab-site' }))
    assert.equal(config.policies.length, lab.devices.length)
    const ingestor = recordingIngestor()
    const agent = createAgent({ config, logger: silentAgentLogger, ingestor })
    const summary = await agent.runOnce()
    await agent.stop()
    const failures = summary.runs.flatMap((r) => r.failures)
    assert.deepEqual(failures, [])
    assert.equal(ingestor.calls.length, lab.devices.length + 1)
    const cables = ingestor.calls.pop()!.entities
    assert.ok(cables.length > 0 && cables.every((e) => e.cable !== undefined), 'the last request holds the cables')
    const names = new Set<string>()
    for (const call of ingestor.calls) {
      const device = call.entities[0].device
      assert.ok(device !== undefined && device !== null, 'a Device comes first')
      assert.deepEqual(device.site, { name: 'lab-site' })
      assert.ok(call.entities.some((e) => e.interface !== undefined), `${device.name} has interfaces`)
      assert.match(String(call.metadata?.policy_name), /^lab-/)
      names.add(String(device.name))
    }
    assert.equal(names.size, lab.devices.length, 'every device names itself differently')
    for (const e of cables) {
      for (const t of [...e.cable!.a_terminations!, ...e.cable!.b_terminations!]) assert.ok(names.has(String(t.object_interface?.device?.name)), JSON.stringify(t))
    }
  } finally {
    await lab.stop()
  }
})
