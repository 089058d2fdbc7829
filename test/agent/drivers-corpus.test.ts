// Every driver against every ntc-templates sample of its platform (../shared/corpus/ntc): no
// parser may throw on any of them, and for the commands a driver reads, what it extracts must
// agree with ntc's own extraction (drivers-corpus-checks.ts maps the fields). Skipped when the
// corpus is not there.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { DRIVERS } from '../../agent/ssh/drivers/index.ts'
import type { PlatformDriver } from '../../agent/ssh/drivers/define-driver.ts'
import type { AbbreviationTable } from '../../agent/ssh/parse/interface-name.ts'
import { CISCO_ABBREVIATIONS, NXOS_ABBREVIATIONS, XR_ABBREVIATIONS, EOS_ABBREVIATIONS } from '../../agent/ssh/parse/interface-name.ts'
import {
  interfacesCompare, inventoryCompare, inventoryByPartCompare, vlansCompare, neighborsCompare, factsCompare, addressesCompare,
  type Comparator, type NtcRecord, type Check
} from './drivers-corpus-checks.ts'

const CORPUS = new URL('../../../shared/corpus/ntc/', import.meta.url).pathname

// ntc keeps "[build ...]" in the NX-OS version and only the last word of the chassis name
// ("C9396PX") as platform; we keep the bare release and the chassis name ("Nexus9000 C9396PX").
const nxosVersionCompare: Comparator = (records, f) => {
  const r = records[0]
  if (r === undefined) return []
  const checks: Check[] = []
  const os = String(r.os ?? '').replace(/\s*\[build.*$/, '')
  if (os !== '') checks.push({ field: 'osVersion', expected: os, actual: f.osVersion })
  if (String(r.hostname ?? '') !== '') checks.push({ field: 'hostname', expected: r.hostname, actual: f.hostname })
  if (String(r.serial ?? '') !== '') checks.push({ field: 'serial', expected: r.serial, actual: f.serial })
  const platform = String(r.platform ?? '')
  if (platform !== '') checks.push({ field: 'model', expected: platform, actual: f.model?.endsWith(platform) === true ? platform : f.model })
  return checks
}

interface PlatformPlan {
  table: AbbreviationTable
  /** ntc command folder -> comparator; the folder's name with spaces is the command. */
  compare: Record<string, Comparator>
  /** The match rate this platform reaches, as a floor (fraction of checks that agree). */
  floor: number
}

// ntc keeps the variant after an XR release ("7.9.2 LNT"); we keep the release alone.
const xrVersionCompare: Comparator = (records, f) => {
  const r = records[0]
  if (r === undefined) return []
  return [
    { field: 'osVersion', expected: String(r.version ?? '').split(' ')[0], actual: f.osVersion },
    { field: 'model', expected: r.hardware, actual: f.model }
  ]
}

const PLANS: Record<string, PlatformPlan> = {
  cisco_ios: {
    table: CISCO_ABBREVIATIONS,
    floor: 0.97,
    compare: {
      show_version: factsCompare({ hostname: 'hostname', version: 'osVersion', hardware: 'model', serial: 'serial' }),
      show_interfaces: interfacesCompare,
      show_inventory: inventoryCompare,
      show_vlan: vlansCompare,
      show_cdp_neighbors_detail: neighborsCompare,
      show_lldp_neighbors_detail: neighborsCompare
    }
  },
  cisco_nxos: {
    table: NXOS_ABBREVIATIONS,
    floor: 0.95,
    compare: {
      show_version: nxosVersionCompare,
      show_interface: interfacesCompare,
      show_inventory: inventoryCompare,
      show_vlan: vlansCompare,
      show_cdp_neighbors_detail: neighborsCompare,
      show_lldp_neighbors_detail: neighborsCompare
    }
  },
  cisco_xr: {
    table: XR_ABBREVIATIONS,
    floor: 0.95,
    compare: {
      show_version: xrVersionCompare,
      show_interfaces: interfacesCompare,
      show_inventory: inventoryCompare,
      admin_show_inventory: inventoryCompare,
      show_cdp_neighbors_detail: neighborsCompare,
      show_lldp_neighbors_detail: neighborsCompare
    }
  },
  arista_eos: {
    table: EOS_ABBREVIATIONS,
    floor: 0.95,
    compare: {
      show_version: factsCompare({ model: 'model', serial_number: 'serial', image: 'osVersion' }),
      show_interfaces: interfacesCompare,
      show_inventory: inventoryByPartCompare,
      show_vlan: vlansCompare,
      show_lldp_neighbors_detail: neighborsCompare
    }
  }
}



function walkRaw (dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? walkRaw(p) : p.endsWith('.raw') ? [p] : []
  })
}

function ntcRecords (rawPath: string): NtcRecord[] | undefined {
  const yml = rawPath.replace(/\.raw$/, '.yml')
  if (!existsSync(yml)) return undefined
  const doc = parseYaml(readFileSync(yml, 'utf8')) as { parsed_sample?: NtcRecord[] } | null
  return doc?.parsed_sample ?? []
}

const skip = existsSync(CORPUS) ? false : 'corpus not present (../shared/corpus/ntc)'

for (const [platform, plan] of Object.entries(PLANS)) {
  const driver = DRIVERS[platform] as PlatformDriver
  const dir = join(CORPUS, platform)

  test(`drivers corpus - ${platform}: no parser throws on any sample of the platform`, { skip: skip || !existsSync(dir) }, () => {
    const raws = walkRaw(dir)
    assert.ok(raws.length > 0)
    for (const raw of raws) {
      const text = readFileSync(raw, 'utf8')
      for (const command of driver.parsedCommands) {
        assert.doesNotThrow(() => driver.parseStrict(command, text), `${command} on ${raw}`)
        assert.doesNotThrow(() => driver.parseStrict(command, text.slice(0, Math.floor(text.length / 2))), `${command} on half of ${raw}`)
      }
    }
  })

  test(`drivers corpus - ${platform}: extracted fields agree with ntc-templates`, { skip: skip || !existsSync(dir) }, (t) => {
    let total = 0
    let agreed = 0
    const misses: string[] = []
    const byField = new Map<string, [number, number]>()
    for (const [folder, compare] of Object.entries(plan.compare)) {
      const command = folder.replace(/_/g, ' ')
      assert.ok(driver.canParse(command), `${platform} parses "${command}"`)
      const cmdDir = join(dir, folder)
      if (!existsSync(cmdDir)) continue
      for (const raw of walkRaw(cmdDir)) {
        const records = ntcRecords(raw)
        if (records === undefined) continue
        const fragment = driver.parseStrict(command, readFileSync(raw, 'utf8'))
        const checks: Check[] = compare(records, fragment, plan.table)
        for (const c of checks) {
          total++
          const key = `${folder}.${c.field}`
          const [a, n] = byField.get(key) ?? [0, 0]
          byField.set(key, [a + (JSON.stringify(c.expected) === JSON.stringify(c.actual) ? 1 : 0), n + 1])
          if (JSON.stringify(c.expected) === JSON.stringify(c.actual)) agreed++
          else misses.push(`${raw.slice(CORPUS.length)} ${c.field}: ntc ${JSON.stringify(c.expected)} ours ${JSON.stringify(c.actual)}`)
        }
      }
    }
    const rate = total === 0 ? 0 : agreed / total
    t.diagnostic(`${platform}: ${agreed}/${total} fields agree (${(rate * 100).toFixed(1)}%)`)
    t.diagnostic(`${platform} by field: ${[...byField].map(([k, [a, n]]) => `${k} ${a}/${n}`).join(', ')}`)
    for (const m of misses.slice(0, 40)) t.diagnostic(`miss ${m}`)
    assert.ok(total > 0, 'some fields compared')
    assert.ok(rate >= plan.floor, `${platform} match rate ${(rate * 100).toFixed(1)}% is below the floor ${plan.floor * 100}%`)
  })
}
