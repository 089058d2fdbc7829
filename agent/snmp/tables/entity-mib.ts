// ENTITY-MIB entPhysicalTable (RFC 6933): the chassis gives the device model and serial, modules
// and other identifiable parts become inventory with their containment chain.
import { asInt, asText } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'

const E = '1.3.6.1.2.1.47.1.1.1.1'

export const ENT_PHYSICAL_COLUMNS = {
  entPhysicalDescr: `${E}.2`,
  entPhysicalContainedIn: `${E}.4`,
  entPhysicalClass: `${E}.5`,
  entPhysicalName: `${E}.7`,
  entPhysicalSerialNum: `${E}.11`,
  entPhysicalMfgName: `${E}.12`,
  entPhysicalModelName: `${E}.13`
} as const

/** PhysicalClass (IANA-ENTITY-MIB). */
export const PHYSICAL_CLASS: Record<number, string> = {
  1: 'other', 2: 'unknown', 3: 'chassis', 4: 'backplane', 5: 'container', 6: 'powerSupply', 7: 'fan', 8: 'sensor',
  9: 'module', 10: 'port', 11: 'stack', 12: 'cpu', 13: 'energyObject', 14: 'battery', 15: 'storageDrive'
}

export interface EntityEntry {
  index: number
  descr?: string
  containedIn?: number
  class?: number
  name?: string
  serial?: string
  mfg?: string
  model?: string
}

// Placeholders vendors put where a value is unknown.
const EMPTY = /^(?:n\/?a|none|unknown|not available|not specified|null|0+|-+|\.+|\s*)$/i

function meaningful (s: string | undefined): string | undefined {
  return s === undefined || EMPTY.test(s) ? undefined : s
}

export function parseEntities (cols: Map<string, ColumnRows>): EntityEntry[] {
  const rows = new Map<number, EntityEntry>()
  const set = (col: string, fn: (e: EntityEntry, vb: Parameters<typeof asText>[0]) => void): void => {
    for (const [suffix, vb] of cols.get(col) ?? []) {
      if (!/^\d+$/.test(suffix)) continue
      const index = Number(suffix)
      let e = rows.get(index)
      if (e === undefined) { e = { index }; rows.set(index, e) }
      fn(e, vb)
    }
  }
  set(ENT_PHYSICAL_COLUMNS.entPhysicalDescr, (e, vb) => { e.descr = meaningful(asText(vb)) })
  set(ENT_PHYSICAL_COLUMNS.entPhysicalContainedIn, (e, vb) => { e.containedIn = asInt(vb) })
  set(ENT_PHYSICAL_COLUMNS.entPhysicalClass, (e, vb) => { e.class = asInt(vb) })
  set(ENT_PHYSICAL_COLUMNS.entPhysicalName, (e, vb) => { e.name = meaningful(asText(vb)) })
  set(ENT_PHYSICAL_COLUMNS.entPhysicalSerialNum, (e, vb) => { e.serial = meaningful(asText(vb)) })
  set(ENT_PHYSICAL_COLUMNS.entPhysicalMfgName, (e, vb) => { e.mfg = meaningful(asText(vb)) })
  set(ENT_PHYSICAL_COLUMNS.entPhysicalModelName, (e, vb) => { e.model = meaningful(asText(vb)) })
  return [...rows.values()].sort((a, b) => a.index - b.index)
}

/** The device's own chassis: a top-level chassis row, else the first chassis row. */
export function findChassis (entities: readonly EntityEntry[]): EntityEntry | undefined {
  const chassis = entities.filter((e) => e.class === 3)
  return chassis.find((e) => e.containedIn === 0 && (e.serial !== undefined || e.model !== undefined)) ??
    chassis.find((e) => e.containedIn === 0) ?? chassis[0]
}
