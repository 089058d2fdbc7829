// `show interfaces switchport` (IOS, IOS-XE, EOS) and `show interface switchport` (NX-OS): one
// "Name: x" block per port with its administrative/operational mode, access VLAN, native VLAN
// and trunk VLAN list. Routed ports ("Switchport: Disabled") yield nothing.
import type { DiscoveredInterface } from '../../model.ts'
import { splitBlocks, toLines } from './text.ts'
import { expandInterfaceName, type AbbreviationTable, CISCO_ABBREVIATIONS } from './interface-name.ts'
import { parseVlanList, ALL_VLANS } from './vlan-list.ts'

function field (block: readonly string[], key: string): string | undefined {
  const re = new RegExp(`^\\s*${key}\\s*:\\s*(.*)$`, 'i')
  for (let i = 0; i < block.length; i++) {
    const m = re.exec(block[i])
    if (m === null) continue
    let value = m[1].trim()
    // Long trunk lists wrap onto indented lines without a key.
    for (let j = i + 1; j < block.length && /^\s+[\d,\-\s]+$/.test(block[j]) && /[\d,-]$/.test(value); j++) value += block[j].trim()
    return value
  }
  return undefined
}

function vid (value: string | undefined): number | undefined {
  const m = /^(\d{1,4})\b/.exec(value?.trim() ?? '')
  if (m === null) return undefined
  const n = Number(m[1])
  return n >= 1 && n <= 4094 ? n : undefined
}

export function parseSwitchport (output: string, table: AbbreviationTable = CISCO_ABBREVIATIONS): DiscoveredInterface[] {
  const out: DiscoveredInterface[] = []
  for (const block of splitBlocks(toLines(output), (l) => /^Name:\s*\S+/.test(l))) {
    const name = /^Name:\s*(\S+)/.exec(block[0])![1]
    if (!/enabled/i.test(field(block, 'Switchport') ?? 'enabled')) continue
    const admin = (field(block, 'Administrative Mode') ?? '').toLowerCase()
    const oper = (field(block, 'Operational Mode') ?? '').toLowerCase()
    // Dynamic modes settle by negotiation; the operational mode says how, unless the port is down.
    const mode = /trunk|access|tunnel|private-vlan/.test(admin) && !/dynamic/.test(admin) ? admin : (/trunk|access/.test(oper) ? oper : admin)
    const iface: DiscoveredInterface = { name: expandInterfaceName(name, table) }
    if (/trunk/.test(mode)) {
      const native = vid(field(block, 'Trunking Native Mode VLAN'))
      const list = parseVlanList(field(block, 'Trunking VLANs Enabled') ?? field(block, 'Trunking VLANs Allowed') ?? 'ALL')
      if (list === ALL_VLANS) {
        iface.mode = 'tagged-all'
      } else {
        iface.mode = 'tagged'
        iface.taggedVlans = list.filter((v) => v !== native)
      }
      if (native !== undefined) iface.untaggedVlan = native
    } else if (/access/.test(mode)) {
      iface.mode = 'access'
      const access = vid(field(block, 'Access Mode VLAN'))
      if (access !== undefined) iface.untaggedVlan = access
      // A voice VLAN is a second, tagged VLAN on an access port (NetBox models it as tagged).
      const voice = vid(field(block, 'Voice VLAN'))
      if (voice !== undefined) {
        iface.mode = 'tagged'
        iface.taggedVlans = [voice]
      }
    } else {
      continue
    }
    out.push(iface)
  }
  return out
}
