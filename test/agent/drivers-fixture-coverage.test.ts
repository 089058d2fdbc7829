// Every command a driver runs has a fixture (so a simulated device can answer all of them from
// test/fixtures/cli/<platform>/), and every fixture parses to something.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
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

// A small deterministic generator, so a failure names a case that can be replayed.
function lcg (seed: number): () => number {
  let x = seed >>> 0
  return () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x / 2 ** 32 }
}

test('drivers fixtures - mangled outputs (lines dropped, repeated, cut, CRs, JSON truncated) never make a parser throw', () => {
  const rand = lcg(6)
  for (const platform of ['cisco_ios', 'cisco_nxos', 'cisco_xr', 'arista_eos', 'juniper_junos', 'hp_procurve']) {
    const d = driver(platform)
    for (const command of d.commands) {
      const lines = parseFixtureText(platform, command).split('\n')
      for (let round = 0; round < 20; round++) {
        const mangled = lines.flatMap((l) => {
          const r = rand()
          if (r < 0.1) return []
          if (r < 0.15) return [l, l]
          if (r < 0.2) return [l.slice(0, Math.floor(l.length * rand()))]
          if (r < 0.25) return [l + '\r']
          return [l]
        }).join('\n')
        assert.doesNotThrow(() => d.parseStrict(command, mangled), `${platform} "${command}" round ${round}`)
      }
    }
  }
})

function parseFixtureText (platform: string, command: string): string {
  return readFileSync(fixtureFile(platform, command), 'utf8')
}
