// Matching: nodes naming the same object become one PlanObject (first inside the batch, by the
// type's rules in order), then each PlanObject is matched to an existing row with the same rules,
// set-based: one query per rule for every object of the type, never one per object.
import type { Queryable } from '../store/index.ts'
import type { Node } from './flatten.ts'
import type { MatcherSpec, ModelSpec, RefSpec } from './models.ts'
import { slugify } from './slugify.ts'
import { hostKey } from './values.ts'

export interface Sourced<T> { value: T, entity: number }

export interface PlanObject {
  seq: number
  spec: ModelSpec
  nodes: Node[]
  data: Map<string, Sourced<unknown>>
  refs: Map<string, Sourced<Node>>
  // The three below are rarely sent: written only by absorb(), which gives the object a Map of
  // its own on the first value (until then it shares NONE).
  m2m: ReadonlyMap<string, Sourced<Node[]>>
  tags: ReadonlyMap<Node, number>
  customFields: ReadonlyMap<string, Sourced<unknown>>
  /** Every member was a lookup-only reference: the object is found or left unresolved. */
  lookupOnly: boolean
  id?: number
  /** Stored row, every column as text (`col::text`), when matched. */
  row?: Record<string, string | null>
  created: boolean
  /** The rule that found the stored row; unset when created, not found, or merged with another
   * object found by another rule. */
  matchedBy?: MatcherSpec
  /** Set when the object cannot be written; its owners fail. */
  failure?: { field: string, message: string }
}

/** A reference to an object created later in this batch: cannot match a stored row. */
const PENDING = Symbol('pending')
type KeyValue = string | number | typeof PENDING

let nextObj = 1

/** The empty value of the maps most objects never fill (never written to: see own()). */
const NONE: ReadonlyMap<never, never> = new Map<never, never>()

/** A map of the object's own to write to, in place of the shared empty one. */
function own<K, V> (m: ReadonlyMap<K, V>): Map<K, V> {
  return m === NONE ? new Map() : m as Map<K, V>
}

function refId (node: Node | undefined): number | typeof PENDING | undefined {
  const obj = node?.obj
  if (!obj) return undefined
  return obj.id ?? PENDING
}

/** What a rule's key is read from: an object, or a single node before it joins one (grouping
 * reads every node's keys, and building a throwaway object per node to read them was most of the
 * garbage grouping made). A node's values are what an object of that node alone would hold. */
type KeySource = PlanObject | Node

const isObject = (src: KeySource): src is PlanObject => 'nodes' in src

function refNode (src: KeySource, field: string): Node | undefined {
  return isObject(src) ? src.refs.get(field)?.value : src.refs.get(field)
}

function dataValue (src: KeySource, column: string): unknown {
  return isObject(src) ? src.data.get(column)?.value : src.data.get(column)
}

/** A type's references by field and by column (or type column), for keyValue: it runs for every
 * node and object several times per pass, and searching (and filtering) spec.refs each time
 * showed in profiles. */
interface RefIndex { fields: ReadonlySet<string>, byColumn: ReadonlyMap<string, RefSpec[]> }
const refIndexes = new WeakMap<ModelSpec, RefIndex>()

function refIndex (spec: ModelSpec): RefIndex {
  let x = refIndexes.get(spec)
  if (x === undefined) {
    const byColumn = new Map<string, RefSpec[]>()
    for (const r of spec.refs) {
      for (const c of new Set([r.column, r.typeColumn])) {
        if (c === undefined) continue
        let l = byColumn.get(c)
        if (!l) byColumn.set(c, (l = []))
        l.push(r)
      }
    }
    refIndexes.set(spec, (x = { fields: new Set(spec.refs.map((r) => r.field)), byColumn }))
  }
  return x
}

/** Value of one key part for an object, undefined when the object does not say. */
export function keyValue (obj: KeySource, from: string): KeyValue | undefined {
  const spec = obj.spec
  const dot = from.indexOf('.')
  if (dot > 0) {
    const node = refNode(obj, from.slice(0, dot))
    if (!node) return undefined
    const rest = from.slice(dot + 1)
    if (refIndex(node.spec).fields.has(rest)) return refId(node.refs.get(rest))
    const v = node.data.get(rest)
    return v === null || v === undefined ? undefined : v as KeyValue
  }
  const refs = refIndex(spec)
  if (refs.fields.has(from)) return refId(refNode(obj, from))
  const byColumn = refs.byColumn.get(from)
  if (byColumn !== undefined) {
    for (const r of byColumn) {
      const node = refNode(obj, r.field)
      if (!node) continue
      return r.typeColumn === from ? node.spec.objectType : refId(node)
    }
    return undefined
  }
  const v = dataValue(obj, from)
  if (v !== null && v !== undefined) return v as KeyValue
  if (from === 'slug' && spec.slug) {
    const src = dataValue(obj, spec.slug.from)
    if (typeof src === 'string' && src !== '') return slugify(src)
  }
  return undefined
}

interface Key { parts: Array<{ index: number, value: KeyValue }>, text: string, pending: boolean }

/** The rule's key for an object, or undefined when the rule does not apply to it. */
function ruleKey (obj: KeySource, m: MatcherSpec): Key | undefined {
  const parts: Key['parts'] = []
  const text = keyText(obj, m, parts)
  if (text === undefined) return undefined
  return { parts, text, pending: parts.some((p) => p.value === PENDING) }
}

/** The text of the rule's key (equal texts: the same object), pushing its parts onto `parts`
 * when given; undefined when the rule does not apply. */
function keyText (obj: KeySource, m: MatcherSpec, parts?: Key['parts']): string | undefined {
  if (m.whenAbsent?.some((f) => keyValue(obj, f) !== undefined)) return undefined
  let text = m.name
  for (let i = 0; i < m.keys.length; i++) {
    const k = m.keys[i]
    let v = keyValue(obj, k.from)
    if (v === undefined) {
      if (k.optional) continue
      if (k.absentAs === undefined) return undefined
      v = k.absentAs
    }
    if (v === PENDING) {
      const node = refNode(obj, k.from.includes('.') ? k.from.split('.')[0] : k.from)
      text += `|o${node?.obj?.seq ?? '?'}`
    } else {
      text += '|' + (k.param ? hostKey(String(v)) : String(v))
    }
    parts?.push({ index: i, value: v })
  }
  return text
}

/** The first of the type's rules that applies to the object, or to a node on its own (all its
 * key parts known). */
export function firstRule (src: PlanObject | Node): MatcherSpec | undefined {
  return src.spec.matchers.find((m) => keyText(src, m) !== undefined)
}

/** Whether the node, sent on its own, looks its object up as the object was looked up: by the
 * same first applicable rule, with the same key, and naming the adopted field or not alike. An
 * optional part another node gave the object (a MAC's interface, a platform's manufacturer) makes
 * another key, which on its own may find another row. */
export function looksUpAs (node: Node, obj: PlanObject): boolean {
  const m = firstRule(node)
  if (m === undefined || m !== firstRule(obj)) return false
  return namesAdoptedAlike(m, node, obj) && keyText(node, m) === keyText(obj, m)
}

/** Whether the rule's query is the same for both: a source naming the field the rule adopts
 * looks only at rows without it, one that does not at any row. */
function namesAdoptedAlike (m: MatcherSpec, a: KeySource, b: KeySource): boolean {
  return m.adopts === undefined || (keyValue(a, m.adopts.field) === undefined) === (keyValue(b, m.adopts.field) === undefined)
}

/** The text of one key part (a pending reference as its object's place), undefined when absent. */
function partText (src: KeySource, from: string): string | undefined {
  const v = keyValue(src, from)
  if (v === undefined) return undefined
  return v === PENDING ? `o${refNode(src, from)?.obj?.seq ?? '?'}` : String(v)
}

/** Whether two sources name, under a rule that adopts (models.ts), different values of its field:
 * then they are two objects even though they share the rule's key. */
function adoptsApart (m: MatcherSpec, a: KeySource, b: KeySource): boolean {
  if (m.adopts === undefined) return false
  const x = partText(a, m.adopts.field)
  const y = partText(b, m.adopts.field)
  return x !== undefined && y !== undefined && x !== y
}

function newObject (node: Node): PlanObject {
  return {
    seq: nextObj++,
    spec: node.spec,
    nodes: [],
    data: new Map(),
    refs: new Map(),
    m2m: NONE,
    tags: NONE,
    customFields: NONE,
    lookupOnly: true,
    created: false,
    // Set later; present from the start so every object has one shape (monomorphic readers).
    id: undefined,
    row: undefined,
    matchedBy: undefined,
    failure: undefined
  }
}

/** Folds a node into an object; later entities override earlier values field by field. */
function absorb (obj: PlanObject, node: Node): void {
  obj.nodes.push(node)
  node.obj = obj
  if (!node.lookupOnly) obj.lookupOnly = false
  const entity = node.entity
  // forEach rather than for-of: no iterator result (and [key, value] pair) per entry.
  node.data.forEach((value, k) => obj.data.set(k, { value, entity }))
  node.refs.forEach((value, k) => obj.refs.set(k, { value, entity }))
  if (node.m2m.size > 0) {
    const m2m = obj.m2m = own(obj.m2m)
    for (const [k, v] of node.m2m) m2m.set(k, { value: v, entity: node.entity })
  }
  if (node.tags.length > 0) {
    const tags = obj.tags = own(obj.tags)
    for (const t of node.tags) tags.set(t, node.entity)
  }
  if (node.customFields) {
    const cf = obj.customFields = own(obj.customFields)
    for (const [k, v] of Object.entries(node.customFields)) cf.set(k, { value: v, entity: node.entity })
  }
}

/** Nodes in the order their values apply: a later entity's override an earlier one's. */
const inBatchOrder = (a: Node, b: Node): number => a.last - b.last || a.seq - b.seq

/** Makes the object of exactly these nodes, folded in batch order (values of the later entity
 * win). */
function refill (obj: PlanObject, nodes: Node[]): void {
  nodes.sort(inBatchOrder)
  obj.nodes = []
  obj.data.clear(); obj.refs.clear(); obj.m2m = NONE; obj.tags = NONE; obj.customFields = NONE
  obj.lookupOnly = true
  for (const n of nodes) absorb(obj, n)
}

function merge (into: PlanObject, from: PlanObject): void {
  refill(into, [...into.nodes, ...from.nodes])
}

/** The rules that name an object by its own values. A rule joining another row (a device by its
 * primary IP) names whichever object the store gives that row to: two entities sending one
 * primary IP that no device holds yet are two devices, as they would be one after the other, and
 * grouping them by it made a device at one site take another site's values. */
const groupingRulesOf = new WeakMap<ModelSpec, MatcherSpec[]>()
function groupingRules (spec: ModelSpec): MatcherSpec[] {
  let rules = groupingRulesOf.get(spec)
  if (rules === undefined) groupingRulesOf.set(spec, (rules = spec.matchers.filter((m) => m.join === undefined)))
  return rules
}

/** Groups the type's nodes into objects: nodes sharing a rule's key are the same object, and so
 * are objects that come to share one. A node can name two objects of the batch at once (one by
 * its asset tag, one by name and site), or an object can take a value from a later node that
 * gives it another object's key (its site): they are one row in the store, and creating both
 * broke the unique key on every pass of the batch. Under a rule that adopts (models.ts), a key
 * is shared only by nodes that do not name different values of the adopted field. */
export function groupNodes (spec: ModelSpec, nodes: Node[]): PlanObject[] {
  const objects: PlanObject[] = []
  const byKey = new Map<string, PlanObject>()
  // An object merged into another, with the object it went into.
  const mergedInto = new Map<PlanObject, PlanObject>()
  const find = (obj: PlanObject): PlanObject => {
    let o = obj
    for (let next = mergedInto.get(o); next !== undefined; next = mergedInto.get(o)) o = next
    return o
  }
  // The earlier object stays (its place in the list, so creates keep their order).
  const unite = (a: PlanObject, b: PlanObject): PlanObject => {
    const [keep, gone] = a.seq < b.seq ? [a, b] : [b, a]
    merge(keep, gone)
    mergedInto.set(gone, keep)
    return keep
  }
  nodes.sort(inBatchOrder)
  // Index loops: this runs for every node of the batch, much of it before V8 optimises it, and
  // unoptimised for-of allocates an iterator result per step.
  const matchers = groupingRules(spec)
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    let target: PlanObject | undefined
    const keys: string[] = []
    for (let j = 0; j < matchers.length; j++) {
      const k = keyText(node, matchers[j])
      if (k === undefined) continue
      keys.push(k)
      const found = byKey.get(k)
      if (found === undefined) continue
      const obj = find(found)
      if (adoptsApart(matchers[j], node, obj)) continue
      target = target === undefined || target === obj ? obj : unite(target, obj)
    }
    if (target === undefined) {
      // A new object of this node alone. A key another object holds (one of another tenant, say)
      // stays that object's: a later node without the field joins the first, as the store's
      // lowest id would be found.
      const obj = newObject(node)
      absorb(obj, node)
      objects.push(obj)
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, obj)
      continue
    }
    absorb(target, node)
    // The object's keys now (its values may have changed): each names it, or another object it
    // is then the same as; every merge changes its values again.
    for (let again = true; again;) {
      again = false
      for (let j = 0; j < matchers.length; j++) {
        const k = keyText(target, matchers[j])
        if (k === undefined) continue
        const found = byKey.get(k)
        if (found === undefined) { byKey.set(k, target); continue }
        const obj = find(found)
        if (obj === target || adoptsApart(matchers[j], target, obj)) continue
        target = unite(target, obj)
        again = true
      }
    }
  }
  return mergedInto.size === 0 ? objects : objects.filter((o) => !mergedInto.has(o))
}

/** Groups nodes into objects by a key of their own (cables: the set of their ends); nodes with
 * equal keys are one object, later entities' values winning as in groupNodes. */
export function groupByKey (nodes: Node[], keyOf: (node: Node) => string): PlanObject[] {
  const byKey = new Map<string, PlanObject>()
  nodes.sort(inBatchOrder)
  for (const node of nodes) {
    const k = keyOf(node)
    let obj = byKey.get(k)
    if (!obj) byKey.set(k, (obj = newObject(node)))
    absorb(obj, node)
  }
  return [...byKey.values()]
}

/** Columns read back from a matched row, all as text so pg and PGlite agree on the values: the
 * references (deferred ones included), and of the plain fields only those some object of the batch
 * sent, since the diff compares nothing else. A wide table like interface then returns a handful
 * of columns instead of all of them, which is most of the cost of matching unchanged rows. */
export function selectList (spec: ModelSpec, alias: string, objects: PlanObject[]): string {
  const cols = new Set<string>(['id'])
  for (const obj of objects) obj.data.forEach((_, c) => cols.add(c))
  for (const r of spec.refs) {
    cols.add(r.column)
    if (r.typeColumn) cols.add(r.typeColumn)
  }
  for (const c of spec.derived ?? []) cols.add(c)
  const list = [...cols].map((c) => `${alias}.${c}::text as ${c}`)
  if (spec.customFields !== false && objects.some((o) => o.customFields.size > 0)) list.push(`${alias}.custom_fields::text as custom_fields`)
  return list.join(', ')
}

/** Whether a key part is a row no stored row can refer to yet: pending, or created by this pass.
 * No stored row can refer to an id the sequence has just handed out, so the query would find
 * nothing: the 48 interfaces of a new device are new without asking. */
function unmatchable (src: KeySource, m: MatcherSpec, key: Key): boolean {
  if (key.pending) return true
  const refs = refIndex(src.spec).fields
  for (let i = 0; i < m.keys.length; i++) {
    const from = m.keys[i].from
    if (refs.has(from) && refNode(src, from)?.obj?.created === true) return true
  }
  return false
}

interface Found { row: Record<string, string | null>, rule: MatcherSpec }

/** Finds each source's stored row: its first rule, in the type's order, whose key finds one. One
 * query per rule and shape (which optional parts are present), never one per source. */
async function findStored (tx: Queryable, spec: ModelSpec, sources: KeySource[], select: string): Promise<Array<Found | undefined>> {
  const found: Array<Found | undefined> = new Array(sources.length).fill(undefined)
  for (const m of spec.matchers) {
    const shapes = new Map<string, { idx: number[], adopting: boolean, list: Array<{ at: number, key: Key }> }>()
    for (let at = 0; at < sources.length; at++) {
      if (found[at] !== undefined) continue
      const key = ruleKey(sources[at], m)
      if (!key || unmatchable(sources[at], m, key)) continue
      // A source naming the field the rule adopts looks only at rows without it.
      const adopting = m.adopts !== undefined && keyValue(sources[at], m.adopts.field) !== undefined
      const idx = key.parts.map((p) => p.index)
      const shape = `${idx.join(',')}${adopting ? '+' : ''}`
      let group = shapes.get(shape)
      if (!group) shapes.set(shape, (group = { idx, adopting, list: [] }))
      group.list.push({ at, key })
    }
    for (const { idx, adopting, list } of shapes.values()) {
      const params: unknown[] = [list.map((_, i) => i)]
      const decl = ['$1::int4[]']
      const conds: string[] = []
      idx.forEach((ki, j) => {
        const k = m.keys[ki]
        params.push(list.map((e) => e.key.parts[j].value))
        decl.push(`$${j + 2}::${k.cast}[]`)
        const p = `p.k${j}`
        conds.push(`${k.expr} = ${k.param ? k.param.replace('$', p) : p}`)
      })
      if (m.where) conds.push(m.where)
      if (adopting) conds.push(`${m.adopts!.column} is null`)
      const cols = ['i', ...idx.map((_, j) => `k${j}`)].join(', ')
      const sql = `select p.i, ${select} from unnest(${decl.join(', ')}) as p(${cols})
        cross join lateral (select t.* from ${spec.table} t ${m.join ?? ''} where ${conds.join(' and ')}
          order by ${m.prefer ? m.prefer + ', ' : ''}t.id limit 1) m`
      const r = await tx.query<Record<string, string | null> & { i: number }>(sql, params)
      for (const row of r.rows) {
        const { i, ...stored } = row
        found[list[i].at] = { row: stored, rule: m }
      }
    }
  }
  return found
}

function foundAs (obj: PlanObject, f: Found): void {
  obj.id = Number(f.row.id)
  obj.row = f.row
  obj.matchedBy = f.rule
}

/** Whether the node, looked up on its own, must find the row its object was found by: at every
 * rule before the one that found it the node has no key the object's query did not already try,
 * and at that rule the same key. */
function resolvesWith (node: Node, obj: PlanObject, by: MatcherSpec): boolean {
  const matchers = obj.spec.matchers
  for (let j = 0; j < matchers.length; j++) {
    const m = matchers[j]
    const own = keyText(node, m)
    if (own !== undefined && !namesAdoptedAlike(m, node, obj)) return false
    if (m === by) return own === keyText(obj, m)
    if (own !== undefined && own !== keyText(obj, m)) return false
  }
  return false
}

/** Matches objects to stored rows, rule by rule; sets obj.id/obj.row; merges objects that turn
 * out to be the same row. Returns the surviving objects.
 *
 * What a node names must not depend on what else its batch holds: the rules that only prefer a
 * row among several (a device by site and name, with no tenant) made a batch group a node with
 * an entity that names another of those rows (the tenant's device), so the node's values landed
 * on the row it does not name when sent alone. A node of an object whose own lookup may differ
 * is looked up alone; one that finds another stored row leaves the object for that row's. One
 * that finds none stays: an earlier entity of its batch may be giving the object its key. */
export async function matchStored (tx: Queryable, spec: ModelSpec, objects: PlanObject[]): Promise<PlanObject[]> {
  // One list for every query of the type: objects found by different rules may merge below.
  const select = selectList(spec, 'm', objects)
  const found = await findStored(tx, spec, objects, select)
  const doubtful: Node[] = []
  for (let i = 0; i < objects.length; i++) {
    const obj = objects[i]
    const f = found[i]
    if (f === undefined) continue
    foundAs(obj, f)
    if (obj.nodes.length > 1) for (const n of obj.nodes) if (!resolvesWith(n, obj, f.rule)) doubtful.push(n)
  }
  if (doubtful.length > 0) {
    const alone = await findStored(tx, spec, doubtful, select)
    const leaving = new Map<PlanObject, Set<Node>>()
    for (let i = 0; i < doubtful.length; i++) {
      const f = alone[i]
      const node = doubtful[i]
      const obj = node.obj!
      if (f === undefined || Number(f.row.id) === obj.id) continue
      let gone = leaving.get(obj)
      if (!gone) leaving.set(obj, (gone = new Set()))
      gone.add(node)
      // Its own object for now; the merge below joins it to another of the row's, if any.
      const own = newObject(node)
      absorb(own, node)
      foundAs(own, f)
      objects.push(own)
    }
    for (const [obj, gone] of leaving) refill(obj, obj.nodes.filter((n) => !gone.has(n)))
    // Every node of an object may have found a row of its own.
    objects = objects.filter((o) => o.nodes.length > 0)
  }
  // Two objects of the batch may resolve to one row (say one named by asset tag, one by name).
  const byId = new Map<number, PlanObject>()
  const out: PlanObject[] = []
  for (const obj of objects) {
    if (obj.id === undefined) { out.push(obj); continue }
    const first = byId.get(obj.id)
    if (first) {
      merge(first, obj)
      first.matchedBy = undefined
      continue
    }
    byId.set(obj.id, obj)
    out.push(obj)
  }
  return out
}
