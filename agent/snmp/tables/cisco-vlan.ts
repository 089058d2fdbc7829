// Cisco IOS and NX-OS publish VLANs in CISCO-VTP-MIB and access ports in CISCO-VLAN-MEMBERSHIP-MIB,
// not in Q-BRIDGE-MIB; walked only when the sysObjectID is Cisco's (enterprise 9).
import { asBytes, asInt, asText, indexParts } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'

export const VTP_VLAN_COLUMNS = {
  vtpVlanState: '1.3.6.1.4.1.9.9.46.1.3.1.1.2',
  vtpVlanType: '1.3.6.1.4.1.9.9.46.1.3.1.1.3',
  vtpVlanName: '1.3.6.1.4.1.9.9.46.1.3.1.1.4'
} as const
export const VTP_TRUNK_COLUMNS = {
  vlanTrunkPortVlansEnabled: '1.3.6.1.4.1.9.9.46.1.6.1.1.4',
  vlanTrunkPortNativeVlan: '1.3.6.1.4.1.9.9.46.1.6.1.1.5',
  vlanTrunkPortDynamicStatus: '1.3.6.1.4.1.9.9.46.1.6.1.1.14',
  vlanTrunkPortVlansEnabled2k: '1.3.6.1.4.1.9.9.46.1.6.1.1.17',
  vlanTrunkPortVlansEnabled3k: '1.3.6.1.4.1.9.9.46.1.6.1.1.18',
  vlanTrunkPortVlansEnabled4k: '1.3.6.1.4.1.9.9.46.1.6.1.1.19'
} as const
export const VM_VLAN_COLUMNS = { vmVlan: '1.3.6.1.4.1.9.9.68.1.2.2.1.2' } as const

export interface CiscoVlans {
  vlans: Map<number, { name?: string }>
  ports: Map<number, { mode: 'access' | 'tagged' | 'tagged-all', untaggedVlan?: number, taggedVlans?: number[] }>
}

/** VLAN ids set in the four 1024-bit trunk bitmaps (the first octet's high bit is VLAN 0 of its block). */
function enabledVlans (blocks: Array<Buffer | undefined>): Set<number> | undefined {
  if (blocks.every((b) => b === undefined)) return undefined
  const out = new Set<number>()
  blocks.forEach((bytes, block) => {
    if (bytes === undefined) return
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) if ((bytes[i] & (0x80 >> bit)) !== 0) out.add(block * 1024 + i * 8 + bit)
    }
  })
  return out
}

export function parseCiscoVlans (vtp: Map<string, ColumnRows>, trunks: Map<string, ColumnRows>, membership: Map<string, ColumnRows>): CiscoVlans {
  const result: CiscoVlans = { vlans: new Map(), ports: new Map() }
  const types = vtp.get(VTP_VLAN_COLUMNS.vtpVlanType) ?? new Map()
  const names = vtp.get(VTP_VLAN_COLUMNS.vtpVlanName) ?? new Map()
  for (const suffix of new Set([...(vtp.get(VTP_VLAN_COLUMNS.vtpVlanState)?.keys() ?? []), ...names.keys()])) {
    const parts = indexParts(suffix)
    const vid = parts[parts.length - 1]
    // ethernet(1) only: 1002-1005 are the fixed FDDI and Token Ring VLANs every Catalyst carries.
    const type = asInt(types.get(suffix))
    if (parts.length !== 2 || !(vid >= 1 && vid <= 4094) || (type !== undefined && type !== 1)) continue
    result.vlans.set(vid, { name: asText(names.get(suffix)) })
  }
  const access = new Map<number, number>()
  for (const [suffix, vb] of membership.get(VM_VLAN_COLUMNS.vmVlan) ?? []) {
    const vid = asInt(vb)
    if (/^\d+$/.test(suffix) && vid !== undefined && vid >= 1 && vid <= 4094) access.set(Number(suffix), vid)
  }
  const col = (name: keyof typeof VTP_TRUNK_COLUMNS): ColumnRows => trunks.get(VTP_TRUNK_COLUMNS[name]) ?? new Map()
  const trunkPorts = new Set([...col('vlanTrunkPortNativeVlan').keys(), ...col('vlanTrunkPortDynamicStatus').keys()])
  for (const suffix of trunkPorts) {
    if (!/^\d+$/.test(suffix)) continue
    const ifIndex = Number(suffix)
    const status = asInt(col('vlanTrunkPortDynamicStatus').get(suffix))
    // trunking(1); without the status column, a port with an access VLAN is not a trunk.
    const trunking = status === undefined ? !access.has(ifIndex) : status === 1
    if (!trunking) continue
    const native = asInt(col('vlanTrunkPortNativeVlan').get(suffix))
    const enabled = enabledVlans([
      asBytes(col('vlanTrunkPortVlansEnabled').get(suffix)), asBytes(col('vlanTrunkPortVlansEnabled2k').get(suffix)),
      asBytes(col('vlanTrunkPortVlansEnabled3k').get(suffix)), asBytes(col('vlanTrunkPortVlansEnabled4k').get(suffix))
    ])
    const untaggedVlan = native !== undefined && native >= 1 && native <= 4094 ? native : undefined
    if (enabled !== undefined) {
      let all = true
      for (let v = 1; v <= 4094 && all; v++) if (!enabled.has(v)) all = false
      if (all) { result.ports.set(ifIndex, { mode: 'tagged-all', untaggedVlan }); continue }
      const tagged = [...enabled].filter((v) => v >= 1 && v <= 4094 && v !== untaggedVlan).sort((a, b) => a - b)
      result.ports.set(ifIndex, { mode: 'tagged', untaggedVlan, taggedVlans: tagged })
    } else {
      // A trunk whose allowed list the device did not give: no guess at its tagged VLANs.
      result.ports.set(ifIndex, { mode: 'tagged', untaggedVlan })
    }
  }
  for (const [ifIndex, vid] of access) if (!result.ports.has(ifIndex)) result.ports.set(ifIndex, { mode: 'access', untaggedVlan: vid })
  return result
}
