// Unchanged repeats without the full match/diff: an entity whose content was applied before is
// NO_CHANGES when every row it resolved to still has the row version (xmin) recorded when the
// batch that applied it ended. PostgreSQL gives a row a new xmin on every write (a hand-made
// UPDATE included) and a deleted row is simply missing, so a match here means the store holds
// what the entity says: nothing is skipped on trust (DESIGN.md; Diode's dedup lost devices).
//
// A fingerprint is recorded only when a repeat would provably resolve to the same rows and change
// nothing: each object named by the entity was matched by (or created for) its type's first rule
// that applies, a rule with no preference among several rows (a row added later cannot win it);
// the entity's values are the ones the batch left on each object (no later entity of the batch
// overrode them); and it involves nothing kept outside the rows (tags, tagged VLANs, route
// targets, deferred references, warnings).
import { hash } from 'node:crypto'
import type { EntityPart } from '../proto/index.ts'
import { type Queryable, savepoint } from '../store/index.ts'
import type { EntityChangeSet } from './change-set.ts'
import { isUniqueViolation } from './errors.ts'
import type { Node } from './flatten.ts'
import { firstRule, keyValue, looksUpAs, type PlanObject } from './match.ts'
import { type MatcherSpec, type MatchKey, type ModelSpec, MODELS, TYPE_ORDER } from './models.ts'
import { RowMap } from './row-map.ts'
import { sameValue } from './values.ts'

/** Where entityHash() puts an entity's bytes without its timestamp; grown when an entity is larger. */
let scratch = Buffer.alloc(64 * 1024)

/** Content hash of an Entity's bytes: every field but the timestamp (which changes every run and
 * only reaches the log's source_ts). Equal hashes mean equal bytes, hence equal decoded entities;
 * one producer encoding the same content otherwise only misses the shortcut. One-shot hashing of
 * a copy: a Hash object per entity cost more than copying its few hundred bytes. */
export function entityHash (part: EntityPart): string {
  const b = part.bytes
  const at = part.timestampAt
  const end = part.timestampEnd
  if (at === undefined || end === undefined) return hash('sha256', b, 'base64')
  const n = b.length - (end - at)
  if (n > scratch.length) scratch = Buffer.alloc(Math.max(n, scratch.length * 2))
  scratch.set(b.subarray(0, at), 0)
  scratch.set(b.subarray(end), at)
  return hash('sha256', scratch.subarray(0, n), 'base64')
}

export interface Fingerprint {
  objectId: number | null
  /** [table index in MODELS, row id, xmin] per row, flat: one array per fingerprint, not one per row. */
  rows: number[]
}

/** Position of each table in MODELS: rows are keyed by it in memory, stored by table name. */
const TABLE_INDEX: ReadonlyMap<string, number> = new Map(MODELS.map((m, i) => [m.table, i]))

/** Stored fingerprints of these hashes. The server sends them as one JSON document: a batch
 * reads thousands, and the driver's per-row parsing (a row object, a string per column, a
 * JSON.parse per row) cost more than the whole document parsed once. */
export async function loadFingerprints (tx: Queryable, hashes: string[]): Promise<Map<string, Fingerprint>> {
  const out = new Map<string, Fingerprint>()
  if (hashes.length === 0) return out
  // objects is already JSON text (see saveFingerprints): spliced in, not parsed by the server.
  const r = await tx.query<{ doc: string }>(
    `select '[' || coalesce(string_agg(format('[%s,%s,%s]', to_json(hash), coalesce(object_id::text, 'null'), objects), ','), '') || ']' as doc
     from entity_fingerprint where hash = any($1::text[])`, [hashes])
  const list = JSON.parse(r.rows[0].doc) as Array<[string, number | null, Array<string | number>]>
  for (let f = 0; f < list.length; f++) {
    const [hash, objectId, flat] = list[f]
    // Table names become indexes in place: the parsed array is the fingerprint's row list.
    let ok = flat.length > 0 && flat.length % 3 === 0
    for (let i = 0; ok && i < flat.length; i += 3) {
      const t = TABLE_INDEX.get(flat[i] as string)
      if (t === undefined || typeof flat[i + 1] !== 'number' || typeof flat[i + 2] !== 'number') ok = false
      else flat[i] = t
    }
    // A table this version does not know (or a damaged list): no shortcut for that entity.
    if (ok) out.set(hash, { objectId, rows: flat as number[] })
  }
  return out
}

/** Current xmin of the rows of these fingerprints; a missing row has no entry. */
export async function currentVersions (tx: Queryable, fps: Iterable<Fingerprint>): Promise<RowMap<number>> {
  const wanted = new RowMap<true>()
  for (const fp of fps) for (let i = 0; i < fp.rows.length; i += 3) wanted.set(fp.rows[i], fp.rows[i + 1], true)
  return await versionsOf(tx, wanted)
}

/** One result row per table, its ids and versions as two JSON arrays (see loadFingerprints). */
async function versionsOf (tx: Queryable, wanted: RowMap<true>): Promise<RowMap<number>> {
  const out = new RowMap<number>()
  if (wanted.size === 0) return out
  const params: unknown[] = []
  const parts: string[] = []
  for (const [t, ids] of wanted.tables()) {
    params.push(ids)
    parts.push(`select ${t}::int4 as t, coalesce(json_agg(id), '[]')::text as ids, coalesce(json_agg(xmin::text::int8), '[]')::text as xs
      from ${MODELS[t].table} where id = any($${params.length}::int8[])`)
  }
  const r = await tx.query<{ t: number, ids: string, xs: string }>(parts.join(' union all '), params)
  for (const row of r.rows) {
    const t = Number(row.t)
    const ids = JSON.parse(row.ids) as number[]
    const xs = JSON.parse(row.xs) as number[]
    for (let i = 0; i < ids.length; i++) out.set(t, ids[i], xs[i])
  }
  return out
}

/** Records the version every row a successful pass wrote now has (in `into`, later passes
 * overriding earlier ones). A pass runs in a savepoint of its own and PostgreSQL gives every row a
 * subtransaction writes that subtransaction's id as its xmin, so one row read gives them all: the
 * batch's new rows are then not read back one by one to be fingerprinted, which was ~1.7 us of
 * statement time per new entity (issue 4). */
export async function passVersions (tx: Queryable, written: RowMap<true>, into: RowMap<number>): Promise<void> {
  let any: [number, number] | undefined
  written.forEach((_, t, id) => { any ??= [t, id] })
  if (any === undefined) return
  const r = await tx.query<{ x: string }>(`select xmin::text as x from ${MODELS[any[0]].table} where id = $1`, [any[1]])
  // Not found (nothing deletes rows, so it should be): their versions are read when fingerprints
  // are saved, as for rows the batch did not write.
  if (r.rows.length === 0) return
  const x = Number(r.rows[0].x)
  written.forEach((_, t, id) => { into.set(t, id, x) })
}

/** True when every row of the fingerprint still has its recorded version. */
export function isCurrent (fp: Fingerprint, versions: RowMap<number>): boolean {
  const r = fp.rows
  for (let i = 0; i < r.length; i += 3) if (versions.get(r[i], r[i + 1]) !== r[i + 2]) return false
  return true
}

/** The rows of the fingerprint whose version changed (or that are gone), as [table index, id]. */
export function staleRows (fp: Fingerprint, versions: RowMap<number>): Array<[number, number]> {
  const out: Array<[number, number]> = []
  const r = fp.rows
  for (let i = 0; i < r.length; i += 3) if (versions.get(r[i], r[i + 1]) !== r[i + 2]) out.push([r[i], r[i + 1]])
  return out
}

/** Whether the object's row has `column` NULL (for a row created now: nothing was set in it). */
function isNullIn (obj: PlanObject, column: string): boolean {
  if (!obj.created) return obj.row?.[column] === null
  const ref = obj.spec.refs.find((r) => r.column === column && obj.refs.has(r.field))
  if (ref) return obj.refs.get(ref.field)!.value.obj?.id === undefined
  const v = obj.data.get(column)?.value
  return v === null || v === undefined
}

/** The object was found by, or created for, the first rule that applies to it, and no row added
 * later can win that rule: it has no preference among rows, or every part of its key is known
 * (a unique index then admits one row), or the row is the preferred kind ("t.x is null desc":
 * unique indexes admit one such row). So the same entity finds the same row next time. */
const stable = new WeakMap<PlanObject, boolean>()
function stableMatch (obj: PlanObject): boolean {
  let v = stable.get(obj)
  if (v === undefined) stable.set(obj, (v = isStable(obj)))
  return v
}

/** What isStable() needs of a rule, worked out once per rule rather than once per object. */
interface RuleTraits { optional: MatchKey[], nullColumn: string | undefined }
const traitsOf = new WeakMap<MatcherSpec, RuleTraits>()
function ruleTraits (rule: MatcherSpec): RuleTraits {
  let t = traitsOf.get(rule)
  if (t === undefined) {
    const preferNull = rule.prefer === undefined ? null : /^t\.(\w+) is null desc$/.exec(rule.prefer)
    traitsOf.set(rule, (t = { optional: rule.keys.filter((k) => k.optional), nullColumn: preferNull?.[1] }))
  }
  return t
}

function isStable (obj: PlanObject): boolean {
  const first = firstRule(obj)
  if (first === undefined || !(obj.created || obj.matchedBy === first)) return false
  if (first.prefer === undefined) return true
  const { optional, nullColumn } = ruleTraits(first)
  if (optional.length > 0 && optional.every((k) => keyValue(obj, k.from) !== undefined)) return true
  return nullColumn !== undefined && isNullIn(obj, nullColumn)
}

/** Reference fields of a type that are written in the cycles step (deferred.ts). */
const deferredOf = new WeakMap<ModelSpec, string[]>()
function deferredFields (spec: ModelSpec): string[] {
  let f = deferredOf.get(spec)
  if (f === undefined) deferredOf.set(spec, (f = spec.refs.filter((r) => r.deferred).map((r) => r.field)))
  return f
}

/** The node's row as [table index, id] when the node is final, else undefined. */
function finalRow (node: Node): [number, number] | undefined {
  const obj = node.obj
  if (obj === undefined || obj.id === undefined) return undefined
  // Nested nodes are shared by many entities (a device by its 48 interfaces): judge each once
  // per pass (a later pass gives the node another object).
  if (node.final?.obj === obj) return node.final.row
  const row: [number, number] | undefined = judge(node, obj) ? [TYPE_ORDER.get(node.spec.type)!, obj.id] : undefined
  node.final = { obj, row }
  return row
}

/** The node's values are those its object ended with (no later entity of the batch overrode
 * them), and it names nothing stored outside the object's row. */
function judge (node: Node, obj: PlanObject): boolean {
  // A cable is its terminations, kept in cable_termination rather than in its row: a hand-made
  // change there leaves the cable's xmin alone, so a cable entity always takes the full path.
  if (node.spec.ends) return false
  if (node.tags.length > 0 || node.m2m.size > 0) return false
  const deferred = deferredFields(node.spec)
  for (let i = 0; i < deferred.length; i++) if (node.refs.has(deferred[i])) return false
  // An object of one node holds that node's values: absorb() (match.ts) is all that writes them.
  // Of several, the node must hold the object's values and be found by the same rule and key:
  // sent on its own, a device named by site and name looks for the device without a tenant
  // there, even if another entity of this batch gave the object a tenant and it was found by
  // that; a MAC without its interface looks for any row of that address, not the assigned one.
  if (obj.nodes.length > 1 && (!holdsValuesOf(obj, node) || !looksUpAs(node, obj))) return false
  return stableMatch(obj)
}

function holdsValuesOf (obj: PlanObject, node: Node): boolean {
  let same = true
  node.data.forEach((v, c) => { if (same && !sameValue(obj.data.get(c)?.value, v)) same = false })
  node.refs.forEach((n, f) => { if (same && obj.refs.get(f)?.value.obj !== n.obj) same = false })
  if (same && node.customFields) {
    for (const [k, v] of Object.entries(node.customFields)) {
      if (JSON.stringify(obj.customFields.get(k)?.value) !== JSON.stringify(v)) return false
    }
  }
  return same
}

/** Rows a successfully applied entity resolved to, as [table index, id], or undefined when it
 * cannot be fingerprinted. Call right after its pass, while node.obj is that pass's object. */
export function fingerprintRows (nodes: Node[]): Array<[number, number]> | undefined {
  const rows: Array<[number, number]> = []
  for (const n of nodes) {
    const row = finalRow(n)
    if (row === undefined) return undefined
    if (!rows.includes(row)) rows.push(row) // an entity names a handful of objects
  }
  return rows
}

/** MODELS index of each object type, as change sets name the objects they wrote. */
const INDEX_OF_OBJECT_TYPE: ReadonlyMap<string, number> = new Map(MODELS.map((m, i) => [m.objectType, i]))

/** Entities applied one after another, each in a pass of its own (the batch's fallback when the
 * database refused a value): each was judged against its own pass only, and a later one may have
 * written its rows since. The versions recorded when the batch ends would cover that write, and
 * the next repeat of the earlier entity would be taken as holding when its values no longer do:
 * such fingerprints are dropped. `applied` in the order the passes ran. */
export function dropOverwritten (applied: Array<{ fingerprint?: Array<[number, number]>, changeSet?: EntityChangeSet }>): void {
  const written = new RowMap<true>()
  for (let i = applied.length - 1; i >= 0; i--) {
    const w = applied[i]
    if (w.fingerprint?.some(([t, id]) => written.has(t, id))) w.fingerprint = undefined
    for (const c of w.changeSet?.changes ?? []) {
      if (c.change_type !== 'noop' && c.object_id !== null) written.set(INDEX_OF_OBJECT_TYPE.get(c.object_type)!, c.object_id, true)
    }
  }
}

/** Records fingerprints with the rows' versions as this transaction leaves them. `stored`: the
 * hashes loadFingerprints() found, which are rewritten; the others are new. `written`: the
 * versions of the rows this batch wrote (passVersions); the others are read. */
export async function saveFingerprints (tx: Queryable, entries: Array<{ hash: string, objectId: number | null, rows: Array<[number, number]> }>, stored: ReadonlySet<string>, written: RowMap<number>): Promise<void> {
  if (entries.length === 0) return
  // The versions of the rows the fingerprints name: the batch's own writes as recorded, the rest read.
  const versions = new RowMap<number>()
  const wanted = new RowMap<true>()
  for (const e of entries) {
    for (let i = 0; i < e.rows.length; i++) {
      const [t, id] = e.rows[i]
      const x = written.get(t, id)
      if (x === undefined) wanted.set(t, id, true)
      else versions.set(t, id, x)
    }
  }
  ;(await versionsOf(tx, wanted)).forEach((x, t, id) => { versions.set(t, id, x) })
  // "t,id,xmin" per row, shared by the entities naming it.
  const parts = new RowMap<string>()
  versions.forEach((x, t, id) => parts.set(t, id, `"${MODELS[t].table}",${id},${x}`))
  // In hash order, so concurrent batches lock fingerprint rows in the same order; the same content
  // twice in a batch is one row. The entries are sorted by their hashes rather than the lines by
  // their text: comparing lines built by concatenation flattened each of them first, which with
  // slicing each hash back out cost more than building the lines.
  const sorted = entries.slice().sort((a, b) => a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0)
  // One line per fingerprint, "hash TAB object id TAB row list as JSON", split by the server: no
  // JSON for it to parse (the list is stored as text) and no array literal to escape.
  const unique: string[] = []
  const fresh: string[] = []
  const known: string[] = []
  let previous = ''
  for (const e of sorted) {
    if (e.hash === previous) continue
    let list = ''
    for (let i = 0; i < e.rows.length; i++) {
      const part = parts.get(e.rows[i][0], e.rows[i][1])
      if (part === undefined) { list = ''; break }
      list = i === 0 ? part : `${list},${part}`
    }
    if (list === '') continue
    previous = e.hash
    const line = `${e.hash}\t${e.objectId ?? ''}\t[${list}]`
    unique.push(line)
    ;(stored.has(e.hash) ? known : fresh).push(line)
  }
  // After a failed insert, all of them in one upsert: still in hash order.
  if (fresh.length > 0 && !await insertFresh(tx, fresh)) return await upsert(tx, unique)
  if (known.length > 0) await upsert(tx, known)
}

const FROM_LINES = `select split_part(l, E'\t', 1), nullif(split_part(l, E'\t', 2), '')::int8, split_part(l, E'\t', 3)
     from unnest(string_to_array($1, E'\n')) with ordinality as d(l, n) order by n`

async function upsert (tx: Queryable, lines: string[]): Promise<void> {
  await tx.query(`insert into entity_fingerprint (hash, object_id, objects) ${FROM_LINES}
     on conflict (hash) do update set object_id = excluded.object_id, objects = excluded.objects, updated = now()`, [lines.join('\n')])
}

/** Inserts fingerprints of hashes that were not stored when the batch began, with a plain INSERT:
 * ON CONFLICT's speculative insertion cost a third of writing a fingerprint. Another writer may
 * have stored one of them since; the INSERT then fails on the key, is undone, and false is
 * returned for the caller to upsert them instead. */
async function insertFresh (tx: Queryable, lines: string[]): Promise<boolean> {
  try {
    await savepoint(tx, 'fingerprint_insert', () =>
      tx.query(`insert into entity_fingerprint (hash, object_id, objects) ${FROM_LINES}`, [lines.join('\n')]))
    return true
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    return false
  }
}
