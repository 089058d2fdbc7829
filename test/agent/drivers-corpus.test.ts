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
import { parseCiscoInterfaces } from '../../agent/ssh/parse/cisco-interfaces.ts'
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

// ntc flattens Junos hardware into one record per row, with <kind>_part / <kind>_serial_number
// columns (pic_part, xcvr_serial_number, ...) that repeat the parents' values; we compare each
// distinct non-BUILTIN serial (and its part) against our items, and the chassis serial against
// the device's. Known ntc error kept as a miss: on the MX204 sample ntc reads the description
// "JNP204" as the chassis serial, where the serial column holds "A0000".
const junosHardwareCompare: Comparator = (records, f) => {
  const checks: Check[] = []
  const chassisSerial = String(records[0]?.chassis_serial_number ?? '')
  if (chassisSerial !== '') checks.push({ field: 'serial', expected: chassisSerial, actual: f.serial })
  const seen = new Set<string>()
  for (const r of records) {
    for (const key of Object.keys(r).filter((k) => k.endsWith('_serial_number') && k !== 'chassis_serial_number')) {
      const kind = key.slice(0, -'_serial_number'.length)
      const sn = String(r[key] ?? '')
      const part = String(r[`${kind}_part`] ?? '')
      if (sn === '' || sn === 'BUILTIN' || seen.has(`${kind}|${sn}|${part}|${String(r[`${kind}_number`] ?? '')}`)) continue
      seen.add(`${kind}|${sn}|${part}|${String(r[`${kind}_number`] ?? '')}`)
      const item = (f.inventory ?? []).find((i) => i.serial === sn && (part === '' || part === 'NON-JNPR' || i.partId === part))
      checks.push({ field: `${kind}.serial`, expected: sn, actual: item?.serial })
      if (item !== undefined && part !== '' && part !== 'BUILTIN' && part !== 'NON-JNPR') checks.push({ field: `${kind}.partId`, expected: part, actual: item.partId })
    }
  }
  return checks
}

// ntc's Junos interface records are one per logical or physical interface with "local" (the
// address without its length) and "destination" (the subnet): ours must hold local/len.
const junosInterfacesCompare: Comparator = (records, f) => {
  const checks: Check[] = [{ field: 'interface count', expected: records.length, actual: f.interfaces?.length ?? 0 }]
  for (const r of records) {
    const name = String(r.interface ?? '')
    if (name === '') continue
    const i = (f.interfaces ?? []).find((x) => x.name === name)
    checks.push({ field: 'interface', expected: name, actual: i?.name })
    if (i === undefined) continue
    const description = String(r.description ?? '')
    if (description !== '') checks.push({ field: 'description', expected: description, actual: i.description })
    const mtu = String(r.mtu ?? '')
    if (/^\d+$/.test(mtu)) checks.push({ field: 'mtu', expected: Number(mtu), actual: i.mtu })
    const local = String(r.local ?? '')
    const dest = String(r.destination ?? '')
    if (local !== '' && !/^127\./.test(local) && !/^fe80/i.test(local)) {
      const len = /\/(\d+)$/.exec(dest)?.[1] ?? (local.includes(':') ? '128' : '32')
      const expected = `${local}/${len}`
      checks.push({ field: 'address', expected, actual: (f.addresses ?? []).find((a) => a.address === expected && a.interface === name)?.address })
    }
  }
  return checks
}

// ProCurve port table: ntc's "enabled" (Yes/No) and "status" (Up/Down) per port.
const procurvePortsCompare: Comparator = (records, f) => {
  const checks: Check[] = []
  for (const r of records) {
    const port = String(r.port ?? '').replace(/-Trk\d+$/i, '')
    if (port === '') continue
    const i = (f.interfaces ?? []).find((x) => x.name === port)
    checks.push({ field: 'interface', expected: port, actual: i?.name })
    if (i === undefined) continue
    if (String(r.enabled ?? '') !== '') checks.push({ field: 'enabled', expected: /^yes$/i.test(String(r.enabled)), actual: i.enabled })
    if (String(r.status ?? '') !== '') checks.push({ field: 'operUp', expected: /^up$/i.test(String(r.status)), actual: i.operUp })
  }
  return checks
}

const PLANS: Record<string, PlatformPlan> = {
  cisco_ios: {
    table: CISCO_ABBREVIATIONS,
    floor: 0.99,
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
    floor: 0.99,
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
    floor: 0.99,
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
    floor: 0.99,
    compare: {
      show_version: factsCompare({ model: 'model', serial_number: 'serial', image: 'osVersion' }),
      show_interfaces: interfacesCompare,
      show_inventory: inventoryByPartCompare,
      show_vlan: vlansCompare,
      show_lldp_neighbors_detail: neighborsCompare
    }
  },
  juniper_junos: {
    table: [],
    floor: 0.99,
    compare: {
      show_version: factsCompare({ hostname: 'hostname', model: 'model', junos_version: 'osVersion', serial_number: 'serial' }, ['model']),
      show_chassis_hardware: junosHardwareCompare,
      show_interfaces: junosInterfacesCompare,
      show_vlans: vlansCompare,
      show_lldp_neighbors: neighborsCompare
    }
  },
  hp_procurve: {
    table: [],
    floor: 0.99,
    compare: {
      show_system: factsCompare({ name: 'hostname', serial: 'serial', software_version: 'osVersion', location: 'location', contact: 'contact' }),
      show_interfaces_brief: procurvePortsCompare,
      show_vlans: vlansCompare,
      show_ip: addressesCompare,
      show_cdp_neighbors_detail: neighborsCompare,
      'show_lldp_info_remote-device': neighborsCompare,
      'show_lldp_info_remote-device_detail': neighborsCompare
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

  test(`drivers corpus - ${platform}: no parser throws on the other platforms' samples either`, { skip: skip || !existsSync(dir) }, () => {
    const others = walkRaw(CORPUS).filter((raw) => !raw.startsWith(dir))
    for (const raw of others) {
      const text = readFileSync(raw, 'utf8')
      for (const command of driver.parsedCommands) assert.doesNotThrow(() => driver.parseStrict(command, text), `${command} on ${raw}`)
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
        const text = readFileSync(raw, 'utf8')
        const fragment = driver.parseStrict(command, text)
        // The Cisco-style drivers leave addresses to their VRF-aware address commands; the
        // shared parser still reads them from `show interfaces`, and that is checked here.
        if (/^show_interfaces?$/.test(folder) && plan.table.length > 0 && fragment.addresses === undefined) {
          fragment.addresses = parseCiscoInterfaces(text, plan.table).addresses
        }
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

test('drivers corpus - each version sample is recognised by its own driver and no other', { skip }, () => {
  let seen = 0
  for (const platform of Object.keys(PLANS)) {
    for (const folder of ['show_version', 'show_system']) {
      const dir = join(CORPUS, platform, folder)
      if (!existsSync(dir)) continue
      for (const raw of walkRaw(dir)) {
        const text = readFileSync(raw, 'utf8')
        // ntc's one hp_procurve show_version sample is an Aruba access point, not a switch.
        if (/ArubaOS \(MODEL/.test(text)) continue
        const claimed = Object.entries(DRIVERS).filter(([, d]) => d.detect(text)).map(([n]) => n)
        assert.deepEqual(claimed, [platform], raw)
        seen++
      }
    }
  }
  assert.ok(seen >= 18)
})
