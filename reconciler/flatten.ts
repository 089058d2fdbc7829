// Turns one entity into the objects it names: a Device names its Site, DeviceType (and that its
// Manufacturer), Role, Platform, Tenant...; an IPAddress may nest its interface, the interface's
// device and everything below. Every nested message becomes a node; nodes naming the same object
// are merged later, in match.ts. Values are validated here, so a bad entity fails before the
// database is touched.
//
// An entity arrives as bytes and is decoded one message at a time (proto messageSplitter): the
// nested messages it names stay bytes until their node is made, and a nested message whose bytes
// were already flattened in this batch is that node again, never decoded twice.
import { messageSplitter, type MessageSplitter } from '../proto/index.ts'
import { EntityError } from './errors.ts'
import { MODEL_BY_TYPE, type ModelSpec } from './models.ts'
import { normalise, ValueError } from './values.ts'
import type { PlanObject } from './match.ts'

export interface Node {
  seq: number
  spec: ModelSpec
  /** column -> normalised value, only for fields the entity sent. */
  data: Map<string, unknown>
  /** reference field -> node of the referenced object. */
  refs: Map<string, Node>
  /** Lists of references (tagged VLANs, route targets); set once, when the node is made. */
  m2m: ReadonlyMap<string, Node[]>
  /** A cable's terminations, A end then B end (models.ts EndsSpec). A cable is only ever an
   * entity's own object, so its node is never shared and never adopted. */
  ends?: [Node[], Node[]]
  tags: Node[]
  customFields: Record<string, unknown> | undefined
  /** Named only to be found (a primary IP without its interface): never created from here. */
  lookupOnly: boolean
  /** Batch-wide index of the first entity naming this node: its values are reported on it. */
  entity: number
  /** Batch-wide index of the last entity naming this node: where its values stand in batch order.
   * A shared node is what each of its entities sent; placed at the first, an entity between the
   * first and the last would override what the last one sent. */
  last: number
  /** Dotted path of the node inside that entity ("" for the entity's own object). */
  path: string
  /** Every entity naming this node, with the node's path inside it. Identical nested messages
   * (the device named by each of its 48 interfaces) are one node shared by their entities. */
  owners: Owners
  obj?: PlanObject
  /** fingerprint.ts: the row this node stands for when it is final, judged once per object. */
  final?: { obj: PlanObject, row: [number, number] | undefined }
}

/** The entities naming a node, each with the node's path inside it (a Map's interface, as much
 * of it as the reconciler uses). Only nested references are shared, so nearly every node has one
 * owner: it is kept inline. The others are kept in two arrays in entity order: entities are
 * flattened in batch order, so an owner is nearly always appended, and the type and role nodes
 * a whole batch shares have thousands of them, which in a Map cost a hash entry each and most of
 * flatten's time in has() and set(). */
export class Owners {
  #first: number
  #path: string
  /** Owners after the first, by ascending entity, and their paths. */
  #more: number[] | undefined
  #morePaths: string[] | undefined

  constructor (entity: number, path: string) {
    this.#first = entity
    this.#path = path
  }

  /** Position of `entity` in #more, or -1. */
  #find (entity: number): number {
    const more = this.#more
    if (more === undefined) return -1
    const i = lowerBound(more, entity)
    return more[i] === entity ? i : -1
  }

  has (entity: number): boolean {
    return entity === this.#first || this.#find(entity) >= 0
  }

  get (entity: number): string | undefined {
    if (entity === this.#first) return this.#path
    const i = this.#find(entity)
    return i < 0 ? undefined : this.#morePaths![i]
  }

  set (entity: number, path: string): this {
    if (entity === this.#first) { this.#path = path; return this }
    const more = (this.#more ??= [])
    const paths = (this.#morePaths ??= [])
    const i = lowerBound(more, entity)
    if (i === more.length) { more.push(entity); paths.push(path) } else if (more[i] === entity) paths[i] = path
    else { more.splice(i, 0, entity); paths.splice(i, 0, path) }
    return this
  }

  /** The first owner, then the others by entity. */
  forEach (visit: (path: string, entity: number) => void): void {
    visit(this.#path, this.#first)
    const more = this.#more
    if (more === undefined) return
    const paths = this.#morePaths!
    for (let i = 0; i < more.length; i++) visit(paths[i], more[i])
  }
}

/** First position in ascending `list` whose value is >= `v`; the end is checked first, where
 * flatten appends. */
function lowerBound (list: number[], v: number): number {
  let hi = list.length
  if (hi === 0 || list[hi - 1] < v) return hi
  let lo = 0
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Nested messages already flattened in this batch, by type and content (their bytes, or for
 * messages reached decoded, their JSON). */
export type FlattenCache = Map<string, Node>

export interface FlatEntity {
  root: Node
  nodes: Node[]
  warnings: string[]
}

const IGNORED_FIELDS = new Set(['metadata', 'tags', 'custom_fields'])
let nextSeq = 1

/** Paths already joined, by parent path and field. A batch builds the same few paths for every
 * entity ("device.site" for each interface), and shared nodes keep one per owner until the batch
 * ends: one string each instead of one per entity. Bounded like parseInet's cache. */
const joined = new Map<string, Map<string, string>>()

function join (path: string, field: string): string {
  if (path === '') return field
  let byField = joined.get(path)
  if (byField === undefined) {
    if (joined.size > 10_000) joined.clear()
    joined.set(path, (byField = new Map()))
  }
  let s = byField.get(field)
  if (s === undefined) byField.set(field, (s = `${path}.${field}`))
  return s
}

/** Most nodes name no list: they share this one (read-only) instead of an empty Map each. */
const NO_LISTS: ReadonlyMap<string, Node[]> = new Map()

function isEmpty (v: unknown): boolean {
  if (v === undefined || v === null) return true
  if (Array.isArray(v)) return v.length === 0
  return typeof v === 'object' && !hasOwnKey(v as object)
}

/** Object.keys(v).length > 0 without building the list of keys (called for every nested message). */
function hasOwnKey (v: object): boolean {
  for (const k in v) if (Object.hasOwn(v, k)) return true
  return false
}

function timestampOf (v: unknown): Date {
  const t = v as { seconds?: number | string, nanos?: number }
  return new Date(Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6))
}

/** diode.v1 CustomFieldValue -> the JSON value NetBox keeps in custom_field_data. */
function customFieldValue (v: Record<string, unknown>, path: string): unknown {
  for (const k of ['text', 'long_text', 'url', 'selection']) if (v[k] !== undefined) return v[k]
  if (v.integer !== undefined) return Number(v.integer)
  if (v.decimal !== undefined) return Number(v.decimal)
  if (v.boolean !== undefined) return v.boolean
  if (v.json !== undefined) {
    try {
      return JSON.parse(v.json as string)
    } catch {
      throw new EntityError('ERR_RECONCILER_INVALID_ENTITY', path, `${path}: json value is not valid JSON`)
    }
  }
  if (v.date !== undefined) return timestampOf(v.date).toISOString().slice(0, 10)
  if (v.datetime !== undefined) return timestampOf(v.datetime).toISOString()
  if (Array.isArray(v.multiple_selection) && v.multiple_selection.length > 0) return v.multiple_selection
  if (v.object !== undefined || (Array.isArray(v.multiple_objects) && v.multiple_objects.length > 0)) {
    throw new EntityError('ERR_RECONCILER_INVALID_ENTITY', path, `${path}: object custom fields are not reconciled yet`)
  }
  return null
}

const knownCache = new Map<ModelSpec, Set<string>>()
/** Fields of the message the model stores; anything else sent is reported as a warning. */
function knownFields (spec: ModelSpec): Set<string> {
  let s = knownCache.get(spec)
  if (!s) {
    s = new Set([...IGNORED_FIELDS, ...spec.fields.map((f) => f.field), ...spec.refs.map((r) => r.field), ...spec.m2m.map((m) => m.field),
      ...spec.ends?.fields ?? []])
    knownCache.set(spec, s)
  }
  return s
}

// Nested messages whose meaning depends on where they sit are never shared.
const CONTEXTUAL = new Set(['primary_mac_address'])

/** Per type, a splitter keeping as bytes the message fields flatten makes nodes of: references,
 * lists and tags. References that may be lookups (a primary IP) are decoded with their message,
 * since whether one is depends on what it holds; a cable's ends are few and decoded too. */
const splitters = new Map<ModelSpec, MessageSplitter>()
function splitterOf (spec: ModelSpec): MessageSplitter {
  let s = splitters.get(spec)
  if (s === undefined) {
    const keep = [...spec.refs.filter((r) => r.lookupOnly !== true).map((r) => r.field), ...spec.m2m.map((m) => m.field), ...spec.tags ? ['tags'] : []]
    splitters.set(spec, (s = messageSplitter(spec.message, keep)))
  }
  return s
}

const latin1Slice = Buffer.prototype.latin1Slice as (this: Uint8Array, start: number, end: number) => string

/** A message's bytes as a string, one character per byte: a cache key as exact as the bytes. */
const bytesKey = (b: Uint8Array): string => latin1Slice.call(b, 0, b.length)

type Source = Uint8Array | Record<string, unknown>

class Flattener {
  nodes: Node[] = []
  warnings: string[] = []
  constructor (readonly entity: number, readonly cache: FlattenCache) {}

  /** A nested message: the node flattened earlier from an identical message, or a new one.
   * `optional`: a reference, left out (undefined) when its message holds nothing. */
  child (spec: ModelSpec, src: Source, path: string, lookupOnly: boolean, field: string, optional = false): Node | undefined {
    if (CONTEXTUAL.has(field)) return this.from(spec, src, path, lookupOnly, optional)
    const key = src instanceof Uint8Array
      ? `${lookupOnly ? 'L' : 'F'}${spec.type}#${bytesKey(src)}`
      : `${lookupOnly ? 'L' : 'F'}${spec.type}:${JSON.stringify(src)}`
    const hit = this.cache.get(key)
    if (hit) {
      this.adopt(hit, path)
      return hit
    }
    const n = this.from(spec, src, path, lookupOnly, optional)
    if (n !== undefined) this.cache.set(key, n)
    return n
  }

  /** A new node from a message's bytes (split: its nested messages stay bytes) or decoded form.
   * `optional` only for bytes: a decoded reference is tested for emptiness before it gets here. */
  from (spec: ModelSpec, src: Source, path: string, lookupOnly: boolean, optional: boolean): Node | undefined {
    if (!(src instanceof Uint8Array)) return this.node(spec, src, undefined, path, lookupOnly)
    let parts
    try {
      parts = splitterOf(spec)(src)
    } catch (err) {
      const at = path === '' ? spec.type : path
      throw new EntityError('ERR_RECONCILER_DECODE', at, `${at}: cannot decode ${spec.message}: ${(err as Error).message}`, { cause: err })
    }
    if (optional && parts.kept.size === 0 && isEmpty(parts.decoded)) return undefined
    return this.node(spec, parts.decoded, parts.kept, path, lookupOnly)
  }

  /** Makes this entity an owner of a shared subtree. */
  adopt (node: Node, path: string): void {
    if (node.owners.has(this.entity)) return
    node.owners.set(this.entity, path)
    this.nodes.push(node)
    node.refs.forEach((c, f) => { if (c !== node && !CONTEXTUAL.has(f)) this.adopt(c, join(path, f)) })
    for (const [f, list] of node.m2m) list.forEach((c, i) => this.adopt(c, `${join(path, f)}[${i}]`))
    node.tags.forEach((t, i) => this.adopt(t, `${join(path, 'tags')}[${i}]`))
  }

  /** `kept`: the message fields its splitter left as bytes (absent from `msg`). */
  node (spec: ModelSpec, msg: Record<string, unknown>, kept: ReadonlyMap<string, Uint8Array[]> | undefined, path: string, lookupOnly: boolean): Node {
    const node: Node = {
      seq: nextSeq++,
      spec,
      data: new Map(),
      refs: new Map(),
      m2m: NO_LISTS,
      tags: [],
      customFields: undefined,
      lookupOnly,
      entity: this.entity,
      last: this.entity,
      path,
      owners: new Owners(this.entity, path),
      // Set later; present from the start so every node has one shape (monomorphic readers).
      ends: undefined,
      obj: undefined,
      final: undefined
    }
    // Index loops here: node() runs for every nested message, much of it before V8 optimises it,
    // and unoptimised for-of allocates an iterator result per field.
    const fields = spec.fields
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]
      let v: unknown
      try {
        v = normalise(f, spec.message, msg[f.field])
      } catch (err) {
        const field = join(path, f.field)
        throw new EntityError('ERR_RECONCILER_INVALID_ENTITY', field, `${field}: ${(err as ValueError).message}`, { cause: err })
      }
      if (v !== undefined) node.data.set(f.column, v)
    }
    this.nodes.push(node)
    const refs = spec.refs
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i]
      const target = MODEL_BY_TYPE.get(r.target)!
      const childPath = join(path, r.field)
      let c: Node | undefined
      const bytes = kept?.get(r.field)
      if (bytes !== undefined) {
        c = this.child(target, bytes[0], childPath, lookupOnly, r.field, true)
      } else {
        const child = msg[r.field] as Record<string, unknown> | undefined | null
        if (isEmpty(child)) continue
        // A primary IP names an address that sits on one of the device's interfaces; unless it says
        // which interface, it is looked up, never created (Diode SDK issue #73).
        const lookup = lookupOnly || (r.lookupOnly === true && isEmpty(child!.assigned_object_interface))
        c = this.child(target, child!, childPath, lookup, r.field)
      }
      if (c === undefined) continue
      // Nested context: an interface's primary MAC belongs to that interface.
      if (spec.type === 'interface' && r.field === 'primary_mac_address' && !c.refs.has('assigned_object_interface')) {
        c.refs.set('assigned_object_interface', node)
      }
      node.refs.set(r.field, c)
    }
    for (const m of spec.m2m) {
      const list = (kept?.get(m.field) ?? msg[m.field]) as Source[] | undefined
      if (!Array.isArray(list) || list.length === 0) continue
      const target = MODEL_BY_TYPE.get(m.target)!
      const m2m = node.m2m === NO_LISTS ? new Map<string, Node[]>() : node.m2m as Map<string, Node[]>
      m2m.set(m.field, list.map((x, i) => this.child(target, x, `${join(path, m.field)}[${i}]`, lookupOnly, m.field)!))
      node.m2m = m2m
    }
    if (spec.ends) node.ends = [this.ends(spec, msg, path, lookupOnly, 0), this.ends(spec, msg, path, lookupOnly, 1)]
    const tags = (kept?.get('tags') ?? msg.tags) as Source[] | undefined
    if (spec.tags && Array.isArray(tags)) {
      const tagSpec = MODEL_BY_TYPE.get('tag')!
      node.tags = tags.map((t, i) => this.child(tagSpec, t, `${join(path, 'tags')}[${i}]`, lookupOnly, 'tags')!)
    }
    const cf = msg.custom_fields as Record<string, Record<string, unknown>> | undefined
    if (cf && Object.keys(cf).length > 0) {
      node.customFields = {}
      for (const [k, v] of Object.entries(cf)) node.customFields[k] = customFieldValue(v, `${join(path, 'custom_fields')}.${k}`)
    }
    const known = knownFields(spec)
    for (const k in msg) {
      if (known.has(k)) continue
      const v = msg[k]
      if (!isEmpty(v)) this.warnings.push(`${join(path, k)} is not reconciled yet; ignored`)
    }
    return node
  }

  /** One end of a cable: each GenericObject unwrapped to the object it names. */
  ends (spec: ModelSpec, msg: Record<string, unknown>, path: string, lookupOnly: boolean, end: 0 | 1): Node[] {
    const { fields, kinds, notYet } = spec.ends!
    const field = join(path, fields[end])
    const list = msg[fields[end]] as Array<Record<string, unknown>> | undefined
    if (!Array.isArray(list) || list.length === 0) {
      throw new EntityError('ERR_RECONCILER_INVALID_ENTITY', field, `${field}: a cable needs at least one termination at each end`)
    }
    return list.map((generic, i) => {
      const at = `${field}[${i}]`
      const member = Object.keys(generic ?? {}).find((k) => !isEmpty(generic[k]))
      if (member === undefined) throw new EntityError('ERR_RECONCILER_INVALID_ENTITY', at, `${at}: names no object`)
      const kind = member.replace(/^object_/, '')
      const target = kinds[member]
      if (target === undefined) {
        if (notYet.includes(member)) throw new EntityError('ERR_RECONCILER_NOT_RECONCILED', at, `${at}: termination type ${kind} is not supported yet`)
        throw new EntityError('ERR_RECONCILER_INVALID_ENTITY', at, `${at}: a ${kind} cannot terminate a cable`)
      }
      return this.child(MODEL_BY_TYPE.get(target)!, generic[member] as Record<string, unknown>, join(at, member), lookupOnly, member)!
    })
  }
}

/** Flattens entity `entity` (batch-wide index) of Entity member `type`, given as the member
 * message's bytes (proto entityMember). Throws EntityError. */
export function flattenEntity (entity: number, type: string, message: Uint8Array, cache: FlattenCache = new Map()): FlatEntity {
  const spec = MODEL_BY_TYPE.get(type)
  if (!spec) throw new EntityError('ERR_RECONCILER_NOT_RECONCILED', type, `type ${type} is not reconciled yet`)
  const f = new Flattener(entity, cache)
  const root = f.from(spec, message, '', false, false)!
  return { root, nodes: f.nodes, warnings: f.warnings }
}

export { timestampOf }
