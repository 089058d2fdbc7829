// IF-MIB ifTable and ifXTable (RFC 2863). The row index is ifIndex by definition, so the ifIndex
// column is never walked: most real recordings leave it out anyway.
import { asInt, asMac, asText } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'

const IF = '1.3.6.1.2.1.2.2.1'
const IFX = '1.3.6.1.2.1.31.1.1.1'

export const IF_TABLE_COLUMNS = {
  ifDescr: `${IF}.2`,
  ifType: `${IF}.3`,
  ifMtu: `${IF}.4`,
  ifSpeed: `${IF}.5`,
  ifPhysAddress: `${IF}.6`,
  ifAdminStatus: `${IF}.7`,
  ifOperStatus: `${IF}.8`
} as const

export const IF_X_TABLE_COLUMNS = {
  ifName: `${IFX}.1`,
  ifHighSpeed: `${IFX}.15`,
  ifAlias: `${IFX}.18`
} as const

export interface IfEntry {
  index: number
  descr?: string
  name?: string
  alias?: string
  ifType?: number
  mtu?: number
  /** bit/s, from ifSpeed unless missing or saturated, else ifHighSpeed. */
  speedBps?: number
  mac?: string
  adminUp?: boolean
  operUp?: boolean
}

/** ifSpeed's Gauge32 saturates at 2^32-1 for links faster than 4.29 Gbit/s (RFC 2863 ifSpeed). */
const SATURATED = 4294967295

export function parseInterfaces (cols: Map<string, ColumnRows>): IfEntry[] {
  const rows = new Map<number, IfEntry>()
  const entry = (suffix: string): IfEntry | undefined => {
    if (!/^\d+$/.test(suffix)) return undefined
    const index = Number(suffix)
    let e = rows.get(index)
    if (e === undefined) { e = { index }; rows.set(index, e) }
    return e
  }
  const each = (col: string, fn: (e: IfEntry, vb: Parameters<typeof asInt>[0]) => void): void => {
    for (const [suffix, vb] of cols.get(col) ?? []) {
      const e = entry(suffix)
      if (e !== undefined) fn(e, vb)
    }
  }
  const highSpeed = new Map<number, number>()
  const speed = new Map<number, number>()
  each(IF_TABLE_COLUMNS.ifDescr, (e, vb) => { e.descr = asText(vb) })
  each(IF_TABLE_COLUMNS.ifType, (e, vb) => { e.ifType = asInt(vb) })
  each(IF_TABLE_COLUMNS.ifMtu, (e, vb) => { const v = asInt(vb); if (v !== undefined && v > 0 && v <= 65536) e.mtu = v })
  each(IF_TABLE_COLUMNS.ifSpeed, (e, vb) => { const v = asInt(vb); if (v !== undefined) speed.set(e.index, v) })
  each(IF_TABLE_COLUMNS.ifPhysAddress, (e, vb) => { e.mac = asMac(vb) })
  each(IF_TABLE_COLUMNS.ifAdminStatus, (e, vb) => { const v = asInt(vb); if (v === 1 || v === 2) e.adminUp = v === 1 })
  each(IF_TABLE_COLUMNS.ifOperStatus, (e, vb) => { const v = asInt(vb); if (v !== undefined) e.operUp = v === 1 })
  each(IF_X_TABLE_COLUMNS.ifName, (e, vb) => { e.name = asText(vb) })
  each(IF_X_TABLE_COLUMNS.ifHighSpeed, (e, vb) => { const v = asInt(vb); if (v !== undefined) highSpeed.set(e.index, v) })
  each(IF_X_TABLE_COLUMNS.ifAlias, (e, vb) => { e.alias = asText(vb) })
  for (const e of rows.values()) {
    const s = speed.get(e.index)
    const hs = highSpeed.get(e.index)
    if (s !== undefined && s < SATURATED && !(s === 0 && hs !== undefined && hs > 0)) e.speedBps = s
    else if (hs !== undefined) e.speedBps = hs * 1_000_000
    else if (s !== undefined) e.speedBps = s
  }
  return [...rows.values()].sort((a, b) => a.index - b.index)
}
