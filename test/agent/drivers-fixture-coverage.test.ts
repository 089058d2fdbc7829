// Every command a driver runs has a fixture (so a simulated device can answer all of them from
// test/fixtures/cli/<platform>/), and every fixture parses to something.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { fixtureFile, driver, parseFixture } from './drivers-fixture-helpers.ts'

for (const platform of ['cisco_ios', 'cisco_nxos', 'cisco_xr', 'arista_eos', 'juniper_junos', 'hp_procurve']) {
  test(`drivers fixtures - ${platform}: each command the driver runs has a fixture that yields data`, () => {
    for (const command of driver(platform).commands) {
      assert.ok(existsSync(fixtureFile(platform, command)), `${platform}: no fixture for "${command}" (${fixtureFile(platform, command)})`)
      const f = parseFixture(platform, command)
      const filled = Object.values(f).filter((v) => v !== undefined && (!Array.isArray(v) || v.length > 0))
      assert.ok(filled.length > 0, `${platform}: "${command}" fixture yields nothing`)
    }
  })
}
