// The writes of one batch, set-based: per type one INSERT for all new rows and one UPDATE per set
// of changed columns, each also writing its object_change rows in the same statement (data-
// modifying CTEs), so the cost per batch is a handful of round trips whatever its size.
import type { Queryable } from '../store/index.ts'
import { ConflictError, isUniqueViolation } from './errors.ts'
import type { FieldChange } from './diff.ts'
import { fieldSpec } from './diff.ts'
import { type FieldSpec, type ManyToManySpec, type ModelSpec, TYPE_ORDER } from './models.ts'
import type { PlanObject } from './match.ts'
import type { RowMap } from './row-map.ts'
import { sameValue, sqlTypeOf, toParam } from './values.ts'

/** Who a write is attributed to in object_change. */
export interface Author { requestId: string, userName: string }

/** The rows a pass writes, by table (MODELS index) and id. Every row written inside one savepoint
 * carries the same transaction id as its xmin, so the versions fingerprints record for them need
 * no query (fingerprint.ts, passVersions). insertRows and updateRows are all that write a
 * model's rows, and each reports what it wrote here. */
export type WrittenRows = RowMap<true>

function noteWritten (written: WrittenRows | undefined, spec: ModelSpec, ids: Iterable<number>): void {
  if (written === undefined) return
  const t = TYPE_ORDER.get(spec.type)!
  for (const id of ids) written.set(t, id, true)
}

export interface ColumnType { array: string, cast: string }

function columnType (spec: ModelSpec, column: string): ColumnType {
  const f = fieldSpec(spec, column)
  if (f) return sqlTypeOf(f)
  if (column === 'custom_fields') return { array: 'text[]', cast: '::jsonb' }
  if (spec.refs.some((r) => r.typeColumn === column)) return { array: 'text[]', cast: '' }
  return { array: 'int8[]', cast: '' }
}

/** Array element for a value of `column` (`f`: its field, looked up once per column). */
function param (f: FieldSpec | undefined, column: string, v: unknown): unknown {
  if (v === undefined || v === null) return null
  if (column === 'custom_fields') return JSON.stringify(v)
  return f ? toParam(f, v) : v
}

/** Columns a new row of this type is written with (deferred references come in a later step). */
export function createColumns (spec: ModelSpec): string[] {
  const cols = new Set<string>()
  for (const f of spec.fields) cols.add(f.column)
  for (const r of spec.refs) {
    if (r.deferred) continue
    cols.add(r.column)
    if (r.typeColumn) cols.add(r.typeColumn)
  }
  for (const c of spec.derived ?? []) cols.add(c)
  if (spec.customFields !== false) cols.add('custom_fields')
  return [...cols]
}

const createColumnCache = new WeakMap<ModelSpec, string[]>()

/** Reserves ids for new rows, so rows, logs and change records can be tied together before the
 * INSERT and a conflict shows up as a missing id in RETURNING. The ids come back as one text
 * value: thousands of one-column rows cost the driver a row object and a string each, ~0.4 us of
 * CPU per id against ~0.14 for the list split once (issue 4; a batch of the bench reserves 6,208). */
export async function reserveIds (tx: Queryable, spec: ModelSpec, count: number): Promise<number[]> {
  if (count === 0) return []
  const r = await tx.query<{ ids: string }>(`select string_agg(nextval('${spec.table}_id_seq')::text, ',') as ids from generate_series(1, $1)`, [count])
  return r.rows[0].ids.split(',').map(Number)
}

/** Inserts new rows. A row another transaction created meanwhile (same unique key) fails the
 * statement with a unique violation, reported as a ConflictError: the caller rolls back to the
 * pass's savepoint, plans again and then matches that row instead of duplicating it. A plain
 * INSERT rather than ON CONFLICT DO NOTHING: its speculative insertion (a pre-check of every
 * unique index, then a confirmation per row) cost ~10% of creating an interface or an address,
 * to serve a race that is rare and costs a replan either way. */
export async function insertRows (tx: Queryable, spec: ModelSpec, rows: Array<{ id: number, values: Map<string, unknown>, author: Author }>, written?: WrittenRows): Promise<void> {
  if (rows.length === 0) return
  let all = createColumnCache.get(spec)
  if (!all) createColumnCache.set(spec, (all = createColumns(spec)))
  // Only columns some row sets to something other than the column default travel: the rest are
  // left to the table's defaults (the models' defaults are the schema's), which keeps the arrays
  // of a wide table like interface to the handful of fields producers actually send.
  // One pass over the values the rows have (a handful each), not one over the rows per column.
  const set = new Set<string>()
  const travels = (v: unknown, c: string): void => {
    if (v === undefined || v === null || set.has(c)) return
    const f = fieldSpec(spec, c)
    if (f?.default === undefined || !sameValue(f.default, v)) set.add(c)
  }
  for (const r of rows) r.values.forEach(travels)
  const cols = all.filter((c) => set.has(c))
  const params: unknown[] = [rows.map((r) => r.id), rows.map((r) => r.author.requestId), rows.map((r) => r.author.userName)]
  const decl = ['$1::int8[]', '$2::text[]', '$3::text[]']
  const select: string[] = []
  cols.forEach((c, i) => {
    const t = columnType(spec, c)
    const f = fieldSpec(spec, c)
    params.push(rows.map((r) => {
      const v = r.values.get(c)
      if (c === 'custom_fields') return JSON.stringify(v ?? {})
      return param(f, c, v ?? f?.default ?? null)
    }))
    decl.push(`$${i + 4}::${t.array}`)
    select.push(`p.c${i}${t.cast}`)
  })
  const colList = cols.length > 0 ? `, ${cols.join(', ')}` : ''
  const sql = `with p as (select * from unnest(${decl.join(', ')}) as p(id, request_id, user_name${cols.map((_, i) => `, c${i}`).join('')})),
    ins as (insert into ${spec.table} (id${colList}) select p.id${select.map((x) => `, ${x}`).join('')} from p order by p.id returning *),
    ${changeLog(spec, cols, rows.length)}
    select 1`
  try {
    await tx.query(sql, params)
    noteWritten(written, spec, rows.map((r) => r.id))
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    throw new ConflictError(`a new ${spec.objectType} row was created concurrently by another writer (${(err as Error).message})`)
  }
}

/** jsonb_build_object() takes at most 100 arguments: 50 columns. */
const MAX_COMPACT_COLUMNS = 50

/** The CTEs writing a create record per new row. Normally each record holds the whole row
 * (to_jsonb). When one statement creates several rows, only the first record does; every other
 * record holds the columns in which rows created together can differ, and the first record's id
 * (migration 0011: rendering every column of every row cost more than inserting it). Cables stay
 * whole: the termination step (cable-match.ts) adds to each cable's record, and a cable left
 * without terminations would read as having the first cable's. */
function changeLog (spec: ModelSpec, cols: string[], rowCount: number): string {
  const insert = 'insert into object_change (request_id, user_name, action, object_type, object_id, object_repr, postchange_data'
  const from = 'from ins o join p on p.id = o.id'
  const varying = ['id', ...cols, ...(spec.generated ?? [])]
  if (rowCount === 1 || spec.ends !== undefined || varying.length > MAX_COMPACT_COLUMNS) {
    return `oc as (${insert}) select p.request_id, p.user_name, 'create', '${spec.objectType}', o.id, ${spec.repr}, to_jsonb(o) ${from})`
  }
  // The first row is picked before rendering: to_jsonb() in the same select list as the ORDER BY
  // would render every row to keep one.
  return `base as (${insert}) select p.request_id, p.user_name, 'create', '${spec.objectType}', o.id, ${spec.repr}, to_jsonb(o)
      from (select * from ins order by id limit 1) o join p on p.id = o.id returning id, object_id),
    oc as (${insert}, postchange_base) select p.request_id, p.user_name, 'create', '${spec.objectType}', o.id, ${spec.repr},
      jsonb_build_object(${varying.map((c) => `'${c}', o.${c}`).join(', ')}), b.id
      ${from} join base b on o.id <> b.object_id)`
}

export interface RowUpdate { id: number, changes: FieldChange[], author: Author }

/** Updates rows, one statement per set of changed columns; prechange/postchange data of the
 * change log come from the same statement, so they are the rows as they really were. */
export async function updateRows (tx: Queryable, spec: ModelSpec, updates: RowUpdate[], written?: WrittenRows): Promise<void> {
  const groups = new Map<string, RowUpdate[]>()
  for (const u of updates) {
    const k = u.changes.map((c) => c.column).sort().join(',')
    let g = groups.get(k)
    if (!g) groups.set(k, (g = []))
    g.push(u)
  }
  for (const [k, list] of groups) {
    list.sort((a, b) => a.id - b.id)
    const cols = k.split(',')
    const params: unknown[] = [list.map((u) => u.id), list.map((u) => u.author.requestId), list.map((u) => u.author.userName)]
    const decl = ['$1::int8[]', '$2::text[]', '$3::text[]']
    const sets: string[] = []
    cols.forEach((c, i) => {
      const t = columnType(spec, c)
      const f = fieldSpec(spec, c)
      params.push(list.map((u) => param(f, c, u.changes.find((x) => x.column === c)!.after)))
      decl.push(`$${i + 4}::${t.array}`)
      // Custom fields merge into what is stored, so a key another writer added is kept.
      sets.push(c === 'custom_fields' ? `custom_fields = t.custom_fields || p.c${i}::jsonb` : `${c} = p.c${i}${t.cast}`)
    })
    const sql = `with p as (select * from unnest(${decl.join(', ')}) as p(id, request_id, user_name, ${cols.map((_, i) => `c${i}`).join(', ')})),
      old as (select t.* from ${spec.table} t join p on p.id = t.id),
      upd as (update ${spec.table} t set ${sets.join(', ')}, last_updated = now() from p where t.id = p.id returning t.*),
      oc as (insert into object_change (request_id, user_name, action, object_type, object_id, object_repr, prechange_data, postchange_data)
        select p.request_id, p.user_name, 'update', '${spec.objectType}', o.id, ${spec.repr}, to_jsonb(old), to_jsonb(o)
        from upd o join old on old.id = o.id join p on p.id = o.id)
      select id::text as id from upd`
    const r = await tx.query<{ id: string }>(sql, params)
    if (r.rows.length !== list.length) {
      throw new ConflictError(`${list.length - r.rows.length} ${spec.objectType} row(s) disappeared while being updated`)
    }
    noteWritten(written, spec, list.map((u) => u.id))
  }
}

export interface TagAdded { obj: PlanObject, tag: PlanObject, entity: number }

/** Adds tags (merge, never replace). Returns the pairs that were new. */
export async function addTags (tx: Queryable, spec: ModelSpec, objects: PlanObject[]): Promise<TagAdded[]> {
  const pairs: TagAdded[] = []
  const seen = new Set<string>()
  for (const obj of objects) {
    // Most objects have no tags: no iterator over an empty map for each of them.
    if (obj.id === undefined || obj.tags.size === 0) continue
    for (const [tagNode, entity] of obj.tags) {
      const tag = tagNode.obj
      if (tag?.id === undefined) continue
      const k = `${obj.id}:${tag.id}`
      if (seen.has(k)) continue
      seen.add(k)
      pairs.push({ obj, tag, entity })
    }
  }
  if (pairs.length === 0) return []
  const r = await tx.query<{ object_id: string, tag_id: string }>(
    `insert into tagged_item (object_type, object_id, tag_id)
     select $1, o, t from unnest($2::int8[], $3::int8[]) as p(o, t) order by o, t
     on conflict do nothing returning object_id::text, tag_id::text`,
    [spec.objectType, pairs.map((p) => p.obj.id), pairs.map((p) => p.tag.id)])
  const added = new Set(r.rows.map((x) => `${x.object_id}:${x.tag_id}`))
  return pairs.filter((p) => added.has(`${p.obj.id}:${p.tag.id}`))
}

/** Tag names of objects, for the change set of objects that gained tags. */
export async function tagNames (tx: Queryable, spec: ModelSpec, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>()
  if (ids.length === 0) return out
  const r = await tx.query<{ object_id: string, name: string }>(
    `select ti.object_id::text, t.name from tagged_item ti join tag t on t.id = ti.tag_id
     where ti.object_type = $1 and ti.object_id = any($2::int8[]) order by t.name`, [spec.objectType, ids])
  for (const row of r.rows) {
    const id = Number(row.object_id)
    let l = out.get(id)
    if (!l) out.set(id, (l = []))
    l.push(row.name)
  }
  return out
}

export interface SetChange { obj: PlanObject, field: string, before: number[], after: number[], entity: number }

/** Many-to-many lists other than tags (tagged VLANs, route targets) are replaced when sent: the
 * producer reports the whole list (an empty list cannot be told from "not sent" in proto3, so it
 * changes nothing). */
export async function replaceSets (tx: Queryable, m: ManyToManySpec, objects: PlanObject[]): Promise<SetChange[]> {
  const wanted: Array<{ obj: PlanObject, ids: number[], entity: number }> = []
  for (const obj of objects) {
    const s = obj.m2m.get(m.field)
    if (!s || obj.id === undefined) continue
    const ids = [...new Set(s.value.map((n) => n.obj?.id).filter((x): x is number => x !== undefined))].sort((a, b) => a - b)
    wanted.push({ obj, ids, entity: s.entity })
  }
  if (wanted.length === 0) return []
  const r = await tx.query<{ o: string, t: string }>(
    `select ${m.ownerColumn}::text as o, ${m.targetColumn}::text as t from ${m.table} where ${m.ownerColumn} = any($1::int8[])`,
    [wanted.map((w) => w.obj.id)])
  const current = new Map<number, number[]>()
  for (const row of r.rows) {
    const o = Number(row.o)
    let l = current.get(o)
    if (!l) current.set(o, (l = []))
    l.push(Number(row.t))
  }
  const add: Array<[number, number]> = []
  const remove: Array<[number, number]> = []
  const changes: SetChange[] = []
  for (const w of wanted) {
    const before = (current.get(w.obj.id!) ?? []).sort((a, b) => a - b)
    if (before.length === w.ids.length && before.every((x, i) => x === w.ids[i])) continue
    for (const t of w.ids) if (!before.includes(t)) add.push([w.obj.id!, t])
    for (const t of before) if (!w.ids.includes(t)) remove.push([w.obj.id!, t])
    changes.push({ obj: w.obj, field: m.field, before, after: w.ids, entity: w.entity })
  }
  if (remove.length > 0) {
    await tx.query(`delete from ${m.table} x using unnest($1::int8[], $2::int8[]) as p(o, t)
      where x.${m.ownerColumn} = p.o and x.${m.targetColumn} = p.t`, [remove.map((p) => p[0]), remove.map((p) => p[1])])
  }
  if (add.length > 0) {
    await tx.query(`insert into ${m.table} (${m.ownerColumn}, ${m.targetColumn}) select * from unnest($1::int8[], $2::int8[])
      on conflict do nothing`, [add.map((p) => p[0]), add.map((p) => p[1])])
  }
  return changes
}
