// IEEE8023-LAG-MIB dot3adAggPortTable: which aggregator (a LAG interface's ifIndex) each port is
// attached to. Selected is used when the port is not attached (a member whose link is down).
import { asInt } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'

const P = '1.2.840.10006.300.43.1.2.1.1'
export const LAG_PORT_COLUMNS = {
  dot3adAggPortSelectedAggID: `${P}.12`,
  dot3adAggPortAttachedAggID: `${P}.13`
} as const

/** Member ifIndex -> aggregator ifIndex. Ports that name themselves (not aggregated) are left out. */
export function parseLagMembership (cols: Map<string, ColumnRows>): Map<number, number> {
  const out = new Map<number, number>()
  const selected = cols.get(LAG_PORT_COLUMNS.dot3adAggPortSelectedAggID) ?? new Map()
  const ports = new Set([...(cols.get(LAG_PORT_COLUMNS.dot3adAggPortAttachedAggID)?.keys() ?? []), ...selected.keys()])
  for (const suffix of ports) {
    if (!/^\d+$/.test(suffix)) continue
    const member = Number(suffix)
    let agg = asInt(cols.get(LAG_PORT_COLUMNS.dot3adAggPortAttachedAggID)?.get(suffix))
    if (agg === undefined || agg === 0 || agg === member) agg = asInt(selected.get(suffix))
    if (agg !== undefined && agg > 0 && agg !== member) out.set(member, agg)
  }
  return out
}
