// LLDP-MIB (IEEE 802.1AB-2005) neighbours: lldpRemTable indexed TimeMark.LocalPortNum.Index,
// lldpLocPortTable to turn the local port number into an interface (it is not always the
// ifIndex), and lldpRemManAddrTable whose index carries the management address.
import { asBytes, asInt, asText, bytesToMac, bytesToText, indexParts } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'
import ipaddr from 'ipaddr.js'

const REM = '1.0.8802.1.1.2.1.4.1.1'
export const LLDP_REM_COLUMNS = {
  lldpRemChassisIdSubtype: `${REM}.4`,
  lldpRemChassisId: `${REM}.5`,
  lldpRemPortIdSubtype: `${REM}.6`,
  lldpRemPortId: `${REM}.7`,
  lldpRemPortDesc: `${REM}.8`,
  lldpRemSysName: `${REM}.9`,
  lldpRemSysDesc: `${REM}.10`
} as const
export const LLDP_LOC_PORT_COLUMNS = {
  lldpLocPortIdSubtype: '1.0.8802.1.1.2.1.3.7.1.2',
  lldpLocPortId: '1.0.8802.1.1.2.1.3.7.1.3',
  lldpLocPortDesc: '1.0.8802.1.1.2.1.3.7.1.4'
} as const
export const LLDP_REM_MAN_COLUMNS = { lldpRemManAddrIfSubtype: '1.0.8802.1.1.2.1.4.2.1.3' } as const

export interface LldpLocalPort { portNum: number, id?: string, mac?: string, descr?: string }

export interface LldpRemote {
  localPortNum: number
  chassisId?: string
  portId?: string
  portDescr?: string
  sysName?: string
  sysDescr?: string
  managementAddress?: string
}

/** An LLDP id by its subtype: MACs as colon hex, network addresses as text, the rest as text. */
function lldpId (bytes: Buffer | undefined, subtype: number | undefined, macSubtype: number, addrSubtype: number): string | undefined {
  if (bytes === undefined || bytes.length === 0) return undefined
  if (subtype === macSubtype) return bytesToMac(bytes) ?? bytesToText(bytes)
  if (subtype === addrSubtype && bytes.length >= 5) {
    // IANA address family octet, then the address.
    const addr = [...bytes.subarray(1)]
    if ((bytes[0] === 1 && addr.length === 4) || (bytes[0] === 2 && addr.length === 16)) return ipaddr.fromByteArray(addr).toString()
  }
  return bytesToText(bytes) ?? (bytes.length === 6 ? bytesToMac(bytes) : bytes.toString('hex'))
}

export function parseLldpLocalPorts (cols: Map<string, ColumnRows>): LldpLocalPort[] {
  const out = new Map<number, LldpLocalPort>()
  const get = (suffix: string): LldpLocalPort | undefined => {
    if (!/^\d+$/.test(suffix)) return undefined
    const n = Number(suffix)
    let p = out.get(n)
    if (p === undefined) { p = { portNum: n }; out.set(n, p) }
    return p
  }
  const subtypes = cols.get(LLDP_LOC_PORT_COLUMNS.lldpLocPortIdSubtype) ?? new Map()
  for (const [suffix, vb] of cols.get(LLDP_LOC_PORT_COLUMNS.lldpLocPortId) ?? []) {
    const p = get(suffix)
    const bytes = asBytes(vb)
    if (p === undefined || bytes === undefined) continue
    // Port id subtype 3 is macAddress (LldpPortIdSubtype).
    if (asInt(subtypes.get(suffix)) === 3) p.mac = bytesToMac(bytes)
    else p.id = bytesToText(bytes)
  }
  for (const [suffix, vb] of cols.get(LLDP_LOC_PORT_COLUMNS.lldpLocPortDesc) ?? []) {
    const p = get(suffix)
    if (p !== undefined) p.descr = asText(vb)
  }
  return [...out.values()]
}

export function parseLldpRemotes (rem: Map<string, ColumnRows>, man: Map<string, ColumnRows>): LldpRemote[] {
  const out = new Map<string, LldpRemote>()
  const col = (name: keyof typeof LLDP_REM_COLUMNS): ColumnRows => rem.get(LLDP_REM_COLUMNS[name]) ?? new Map()
  const keys = new Set<string>()
  for (const c of Object.values(LLDP_REM_COLUMNS)) for (const k of rem.get(c)?.keys() ?? []) keys.add(k)
  for (const suffix of keys) {
    const parts = indexParts(suffix)
    if (parts.length !== 3) continue
    out.set(suffix, {
      localPortNum: parts[1],
      // LldpChassisIdSubtype: 4 macAddress, 5 networkAddress; LldpPortIdSubtype: 3 macAddress, 4 networkAddress.
      chassisId: lldpId(asBytes(col('lldpRemChassisId').get(suffix)), asInt(col('lldpRemChassisIdSubtype').get(suffix)), 4, 5),
      portId: lldpId(asBytes(col('lldpRemPortId').get(suffix)), asInt(col('lldpRemPortIdSubtype').get(suffix)), 3, 4),
      portDescr: asText(col('lldpRemPortDesc').get(suffix)),
      sysName: asText(col('lldpRemSysName').get(suffix)),
      sysDescr: asText(col('lldpRemSysDesc').get(suffix))
    })
  }
  for (const suffix of man.get(LLDP_REM_MAN_COLUMNS.lldpRemManAddrIfSubtype)?.keys() ?? []) {
    // TimeMark.LocalPortNum.Index.AddrSubtype.AddrLen.Addr...
    const parts = indexParts(suffix)
    const remote = out.get(parts.slice(0, 3).join('.'))
    if (remote === undefined || parts.length < 5) continue
    const family = parts[3]
    const bytes = parts.slice(5, 5 + parts[4])
    if (bytes.length !== parts[4]) continue
    let address: string | undefined
    if (family === 1 && bytes.length === 4) address = bytes.join('.')
    else if (family === 2 && bytes.length === 16) address = ipaddr.fromByteArray(bytes).toString()
    // Prefer IPv4: it is what an operator reaches the neighbour's management plane with.
    if (address !== undefined && (remote.managementAddress === undefined || (family === 1 && remote.managementAddress.includes(':')))) remote.managementAddress = address
  }
  return [...out.values()]
}
