// Cables are named by what they connect, not by a matching rule: a cable is the set of its
// terminations, whichever end is called A (NetBox keeps one cable per endpoint; the schema's
// unique index on cable_termination says the same). So a cable entity is
//   - the stored cable when every termination it names is on that cable and that cable has exactly
//     these ends (A/B swapped included): a partial update of its fields, like any matched object;
//   - a new cable when none of its terminations is cabled yet;
//   - otherwise a failure naming the occupied termination and the cable on it: ingestion never
//     moves, replaces or deletes a cable (DESIGN.md, "Never delete by default").
// Runs after the terminations' own type in the pass, so every termination has its row id.
import { isCableableInterfaceType } from '../proto/index.ts'
import type { Queryable } from '../store/index.ts'
import { type ChangeRecorder, primaryEntity } from './change-set.ts'
import { ConflictError } from './errors.ts'
import type { Node } from './flatten.ts'
import { groupByKey, selectList, type PlanObject } from './match.ts'
import type { ModelSpec } from './models.ts'

/** A cable that cannot be applied, reported on one entity with the field in that entity's terms. */
export interface CableFailure { obj: PlanObject, entity: number, field: string, message: string }

/** "dcim.interface:12": a termination as cable_termination keys it. */
type TermKey = string

const keyOf = (n: Node): TermKey | undefined => n.obj?.id === undefined ? undefined : `${n.spec.objectType}:${n.obj.id}`

/** The termination keys of each end of a cable node, in the order the entity lists them. */
function endKeys (node: Node): [Array<TermKey | undefined>, Array<TermKey | undefined>] {
  const [a, b] = node.ends!
  return [a.map(keyOf), b.map(keyOf)]
}

/** One key per set of ends, the same whichever end is A. */
function cableKey (node: Node): string {
  const [a, b] = endKeys(node).map((end) => end.map((k) => k ?? `?${node.seq}`).sort().join(','))
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

/** Entity field naming a termination in this node ("b_terminations[0]"). */
function fieldOf (spec: ModelSpec, node: Node, key: TermKey): string {
  const ends = endKeys(node)
  for (const end of [0, 1] as const) {
    const i = ends[end].indexOf(key)
    if (i >= 0) return `${spec.ends!.fields[end]}[${i}]`
  }
  return spec.ends!.fields[0]
}

/** How an error names a termination: "interface et-0/0/1 on device core1". */
function describe (n: Node): string {
  const device = n.refs.get('device')
  const deviceName = device?.data.get('name') ?? (device?.obj?.id !== undefined ? `#${device.obj.id}` : undefined)
  const name = n.data.get('name') ?? `#${String(n.obj?.id)}`
  return `${n.spec.type} ${String(name)}${deviceName !== undefined ? ` on device ${String(deviceName)}` : ''}`
}

function sameSets (a: Set<TermKey>, b: TermKey[]): boolean {
  return a.size === b.length && b.every((k) => a.has(k))
}

/** Groups the batch's cable nodes into cables and matches them to stored cables. Returns the
 * cables, and the failures of those that cannot be applied (the caller fails their entities). */
export async function matchCables (tx: Queryable, spec: ModelSpec, nodes: Node[]): Promise<{ objects: PlanObject[], failures: CableFailure[] }> {
  const objects = groupByKey(nodes, cableKey)
  const failures: CableFailure[] = []
  // Each entity naming the cable fails with the field as it lists the termination.
  const fail = (obj: PlanObject, key: TermKey, message: string): void => {
    for (const n of obj.nodes) failures.push({ obj, entity: n.entity, field: fieldOf(spec, n, key), message })
  }

  const nodeOf = new Map<TermKey, Node>()
  for (const obj of objects) {
    for (const end of obj.nodes[0].ends!) for (const t of end) { const k = keyOf(t); if (k !== undefined) nodeOf.set(k, t) }
  }
  const keys = [...nodeOf.keys()]
  const split = keys.map((k) => k.split(':'))
  // Every cable on any of these terminations, with all its ends; and what the terminations are.
  const stored = await tx.query<{ cable_id: string, cable_end: string, termination_type: string, termination_id: string }>(
    `with hit as (select distinct ct.cable_id from cable_termination ct
       join unnest($1::text[], $2::int8[]) as p(t, i) on ct.termination_type = p.t and ct.termination_id = p.i)
     select ct.cable_id::text, ct.cable_end, ct.termination_type, ct.termination_id::text from cable_termination ct join hit using (cable_id)`,
    [split.map((x) => x[0]), split.map((x) => Number(x[1]))])
  const cableOf = new Map<TermKey, number>()
  const endsOf = new Map<number, [Set<TermKey>, Set<TermKey>]>()
  for (const r of stored.rows) {
    const id = Number(r.cable_id)
    const k = `${r.termination_type}:${r.termination_id}`
    cableOf.set(k, id)
    let e = endsOf.get(id)
    if (!e) endsOf.set(id, (e = [new Set(), new Set()]))
    e[r.cable_end === 'A' ? 0 : 1].add(k)
  }
  const ifaceIds = split.filter((x) => x[0] === 'dcim.interface').map((x) => Number(x[1]))
  const ifaces = await tx.query<{ id: string, type: string, mark_connected: boolean }>(
    'select id::text, type, mark_connected from interface where id = any($1::int8[])', [ifaceIds])
  const iface = new Map(ifaces.rows.map((r) => [`dcim.interface:${r.id}`, r]))

  // Terminations a new cable of this batch takes: a second cable on one fails, as it would
  // against a stored cable.
  const claimed = new Set<TermKey>()
  const matched: PlanObject[] = []
  for (const obj of objects) {
    const [a, b] = endKeys(obj.nodes[0])
    const all = [...a, ...b]
    const unresolved = all.indexOf(undefined)
    if (unresolved >= 0) {
      const field = `${spec.ends!.fields[unresolved < a.length ? 0 : 1]}[${unresolved < a.length ? unresolved : unresolved - a.length}]`
      for (const n of obj.nodes) failures.push({ obj, entity: n.entity, field, message: 'termination could not be resolved' })
      continue
    }
    const terms = all as TermKey[]
    const twice = terms.find((k, i) => terms.indexOf(k) !== i)
    if (twice !== undefined) {
      fail(obj, twice, `${describe(nodeOf.get(twice)!)} is named more than once; a cable connects distinct endpoints`)
      continue
    }
    const cables = new Set(terms.map((k) => cableOf.get(k)))
    if (cables.size === 1 && !cables.has(undefined)) {
      const id = [...cables][0]!
      const [sa, sb] = endsOf.get(id)!
      if ((sameSets(sa, a as TermKey[]) && sameSets(sb, b as TermKey[])) || (sameSets(sa, b as TermKey[]) && sameSets(sb, a as TermKey[]))) {
        obj.id = id
        matched.push(obj)
        for (const k of terms) claimed.add(k)
        continue
      }
    }
    const occupied = terms.find((k) => cableOf.has(k))
    if (occupied !== undefined) {
      fail(obj, occupied, `${describe(nodeOf.get(occupied)!)} is already cabled (cable ${cableOf.get(occupied)!})`)
      continue
    }
    const taken = terms.find((k) => claimed.has(k))
    if (taken !== undefined) {
      fail(obj, taken, `${describe(nodeOf.get(taken)!)} is already cabled by another cable of this batch`)
      continue
    }
    const refused = terms.find((k) => {
      const i = iface.get(k)
      return i !== undefined && (!isCableableInterfaceType(i.type) || i.mark_connected)
    })
    if (refused !== undefined) {
      const i = iface.get(refused)!
      const why = i.mark_connected ? 'is marked as connected' : `is a ${i.type} interface`
      fail(obj, refused, `${describe(nodeOf.get(refused)!)} ${why} and cannot be cabled`)
      continue
    }
    for (const k of terms) claimed.add(k)
  }

  if (matched.length > 0) {
    const rows = await tx.query<Record<string, string | null>>(
      `select ${selectList(spec, 'm', matched)} from ${spec.table} m where m.id = any($1::int8[])`, [matched.map((o) => o.id)])
    const byId = new Map(rows.rows.map((r) => [Number(r.id), r]))
    for (const obj of matched) {
      const row = byId.get(obj.id!)
      // Deleted since its terminations were read: plan again, which then creates it.
      if (!row) throw new ConflictError(`cable ${obj.id!} was deleted while being matched`)
      obj.row = row
    }
  }
  return { objects, failures }
}

/** GenericObject-shaped ends as a change set and the change log show them. */
type End = Array<{ object_type: string, object_id: number }>

/** Writes the terminations of cables created in this pass and adds them to their change set and
 * to their change-log row. A termination another transaction cabled meanwhile hits the unique
 * index: ConflictError, and the batch is planned again against that cable. */
export async function insertTerminations (tx: Queryable, created: PlanObject[], rec: ChangeRecorder): Promise<void> {
  if (created.length === 0) return
  const rows: Array<{ cable: number, end: 'A' | 'B', type: string, id: number }> = []
  for (const obj of created) {
    const entity = primaryEntity(obj)
    // The orientation of the entity the cable is reported on.
    const node = obj.nodes.find((n) => n.entity === entity) ?? obj.nodes[0]
    const ends: [End, End] = [[], []]
    node.ends!.forEach((list, end) => {
      for (const t of list) {
        ends[end].push({ object_type: t.spec.objectType, object_id: t.obj!.id! })
        rows.push({ cable: obj.id!, end: end === 0 ? 'A' : 'B', type: t.spec.objectType, id: t.obj!.id! })
      }
    })
    rec.changed(entity, obj.spec.objectType, obj.id!, 'a_terminations', null, ends[0])
    rec.changed(entity, obj.spec.objectType, obj.id!, 'b_terminations', null, ends[1])
  }
  // One order for every writer, so two reconcilers wait on each other instead of deadlocking.
  rows.sort((x, y) => x.type < y.type ? -1 : x.type > y.type ? 1 : x.id - y.id)
  const r = await tx.query<{ n: string }>(
    `with p as (select * from unnest($1::int8[], $2::text[], $3::text[], $4::int8[]) with ordinality as p(cable_id, cable_end, termination_type, termination_id, n)),
     ins as (insert into cable_termination (cable_id, cable_end, termination_type, termination_id)
       select cable_id, cable_end, termination_type, termination_id from p order by n
       on conflict do nothing returning cable_id, cable_end, termination_type, termination_id),
     ends as (select cable_id,
         coalesce(jsonb_agg(jsonb_build_object('object_type', termination_type, 'object_id', termination_id) order by termination_id) filter (where cable_end = 'A'), '[]') as a,
         coalesce(jsonb_agg(jsonb_build_object('object_type', termination_type, 'object_id', termination_id) order by termination_id) filter (where cable_end = 'B'), '[]') as b
       from ins group by cable_id),
     oc as (update object_change c set postchange_data = c.postchange_data || jsonb_build_object('a_terminations', e.a, 'b_terminations', e.b)
       from ends e where c.object_type = 'dcim.cable' and c.object_id = e.cable_id and c.action = 'create')
     select count(*)::text as n from ins`,
    [rows.map((x) => x.cable), rows.map((x) => x.end), rows.map((x) => x.type), rows.map((x) => x.id)])
  if (Number(r.rows[0].n) !== rows.length) {
    throw new ConflictError(`${rows.length - Number(r.rows[0].n)} cable termination(s) were cabled concurrently by another writer`)
  }
}
