// The "VLAN Name Status Ports" table of `show vlan` / `show vlan brief` (IOS, NX-OS, EOS).
// Only the VLAN list is taken from it: which ports it lists differs by platform (IOS shows
// access ports only, NX-OS and EOS trunks too), so port modes come from the switchport
// commands instead.
import type { DiscoveredVlan } from '../../model.ts'
import { toLines, isRule } from './text.ts'

/** NetBox VLAN status from the CLI's: unsupported and suspended VLANs are kept as reserved. */
export function vlanStatus (status: string): DiscoveredVlan['status'] {
  const s = status.toLowerCase()
  if (s === 'active' || s === 'act/lshut' || s === 'act/ishut') return 'active'
  return 'reserved'
}

export function parseVlanTable (output: string): DiscoveredVlan[] {
  const vlans: DiscoveredVlan[] = []
  const seen = new Set<number>()
  const lines = toLines(output)
  let inTable = false
  let nameEnd = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (/^VLAN\s+Name\s+Status/i.test(line)) {
      inTable = true
      // The rule line under the header gives the name column's width: names may hold spaces.
      const rule = lines[i + 1] ?? ''
      const widths = [...rule.matchAll(/-+/g)]
      nameEnd = isRule(rule) && widths.length >= 2 ? (widths[1].index ?? 0) + widths[1][0].length : -1
      continue
    }
    if (!inTable) continue
    if (/^VLAN\s+Type/i.test(line)) break // the second table (types, MTUs) follows
    const m = /^(\d{1,4})\s+(.*)$/.exec(line)
    if (m === null) continue
    const vid = Number(m[1])
    if (vid < 1 || vid > 4094 || seen.has(vid)) continue
    let name: string
    let rest: string
    if (nameEnd > 0 && line.length > nameEnd && line[nameEnd] === ' ') {
      name = line.slice(m[1].length, nameEnd).trim()
      rest = line.slice(nameEnd).trim()
    } else {
      const parts = /^(\S+)\s*(.*)$/.exec(m[2]) ?? ['', m[2], '']
      name = parts[1]
      rest = parts[2]
    }
    const status = /^(\S+)/.exec(rest)?.[1]
    const vlan: DiscoveredVlan = { vid }
    if (name !== '') vlan.name = name
    if (status !== undefined) vlan.status = vlanStatus(status)
    seen.add(vid)
    vlans.push(vlan)
  }
  return vlans
}
