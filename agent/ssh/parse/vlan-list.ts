// VLAN lists as CLIs print them: "1-10,20,30-32", "ALL", "none", "1,3-5 7" (Junos and
// ProCurve use spaces), sometimes wrapped across lines.

/** The whole 802.1Q range: a trunk carrying all of it is NetBox's "tagged-all". */
export const ALL_VLANS = 'all'

/**
 * VLAN ids of a list, in order and without duplicates; "all" (or 1-4094) gives ALL_VLANS,
 * "none"/empty gives []. Ids outside 1-4094 and unparseable parts are dropped.
 */
export function parseVlanList (text: string | undefined): number[] | typeof ALL_VLANS {
  if (text === undefined) return []
  const t = text.trim().toLowerCase()
  if (t === '' || t === 'none' || t === 'no vlans' || t === '-') return []
  if (t === 'all') return ALL_VLANS
  const out: number[] = []
  const seen = new Set<number>()
  for (const part of t.split(/[\s,]+/)) {
    const m = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(part)
    if (m === null) continue
    const from = Number(m[1])
    const to = m[2] === undefined ? from : Number(m[2])
    for (let v = Math.max(1, from); v <= Math.min(4094, to); v++) {
      if (!seen.has(v)) { seen.add(v); out.push(v) }
    }
  }
  if (out.length === 4094) return ALL_VLANS
  return out
}
