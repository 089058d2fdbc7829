// One pass over a batch of flattened entities inside the caller's transaction: type by type in
// dependency order, group nodes into objects, match them to stored rows, write creates and
// updates, merge tags and lists, then the deferred (cyclic) references. An object that cannot be
// created stops the pass with a PlanFailure naming the entities that depend on it; the caller
// rolls back to its savepoint and runs the pass again without them.
import type { Queryable } from '../store/index.ts'
import { addTags, type Author, insertRows, replaceSets, reserveIds, type RowUpdate, tagNames, updateRows, type WrittenRows } from './batch-apply.ts'
import { type ChangeRecorder, primaryEntity } from './change-set.ts'
import { insertTerminations, matchCables } from './cable-match.ts'
import { applyDeferred } from './deferred.ts'
import { createValues, diffStored, fieldSpec, missingForCreate } from './diff.ts'
import { sameValue } from './values.ts'
import type { Node } from './flatten.ts'
import { groupNodes, keyValue, matchStored, type PlanObject } from './match.ts'
import { MODELS } from './models.ts'

/** An object that cannot be written: every entity naming it fails, or only `entity` when the
 * failure is about that entity's own way of naming it (a cable's ends). */
export interface PassFailure { obj: PlanObject, field: string, message: string, entity?: number }

export class PlanFailure extends Error {
  override name = 'PlanFailure'
  constructor (readonly failures: PassFailure[]) {
    super(failures.map((f) => f.message).join('; '))
  }
}

export interface PassInput {
  /** Nodes of every entity taking part, by batch-wide entity index. */
  nodes: Node[]
  authorOf: (entity: number) => Author
  rec: ChangeRecorder
  /** Filled with every row the pass writes. */
  written?: WrittenRows
}

function sortKey (obj: PlanObject): string {
  const m = obj.spec.matchers[0]
  // Cables have no unique key of their own: their terminations are written in a stable order.
  if (m === undefined) return ''
  return m.keys.map((k) => String(keyValue(obj, k.from) ?? '')).join('\u0000')
}

export async function runPass (tx: Queryable, input: PassInput): Promise<Map<string, PlanObject[]>> {
  const { rec, authorOf, written } = input
  const byType = new Map<string, Node[]>()
  // Index loops over nodes and objects: runPass is async and long unoptimised, and unoptimised
  // for-of allocates an iterator result per element (thousands per batch).
  for (let i = 0; i < input.nodes.length; i++) {
    const n = input.nodes[i]
    n.obj = undefined
    let l = byType.get(n.spec.type)
    if (!l) byType.set(n.spec.type, (l = []))
    l.push(n)
  }
  const objects = new Map<string, PlanObject[]>()
  for (const spec of MODELS) {
    const nodes = byType.get(spec.type)
    if (!nodes) continue
    let objs: PlanObject[]
    if (spec.ends) {
      const cables = await matchCables(tx, spec, nodes)
      if (cables.failures.length > 0) throw new PlanFailure(cables.failures)
      objs = cables.objects
    } else {
      objs = await matchStored(tx, spec, groupNodes(spec, nodes))
    }
    objects.set(spec.type, objs)

    const creates: PlanObject[] = []
    const failures: PassFailure[] = []
    for (let i = 0; i < objs.length; i++) {
      const obj = objs[i]
      if (obj.id !== undefined || obj.lookupOnly) continue
      const missing = missingForCreate(obj)
      if (missing) failures.push({ obj, field: missing[0], message: missing[1] })
      else creates.push(obj)
    }
    if (failures.length > 0) throw new PlanFailure(failures)

    if (creates.length > 0) {
      // A stable order makes concurrent reconcilers take index locks in the same order.
      const keyed = creates.map((obj) => ({ obj, key: sortKey(obj) })).sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
      const ids = await reserveIds(tx, spec, keyed.length)
      const rows = keyed.map(({ obj }, i) => {
        obj.id = ids[i]
        obj.created = true
        const values = createValues(obj)
        const entity = primaryEntity(obj)
        // The change set shows what the producer said and what it resolved to, not every default.
        rec.created(entity, spec, obj.id, values, (k, v) => {
          const f = fieldSpec(spec, k)
          return f?.default === undefined || obj.data.has(k) || !sameValue(f.default, v)
        })
        return { id: obj.id, values, author: authorOf(entity) }
      })
      await insertRows(tx, spec, rows, written)
      if (spec.ends) await insertTerminations(tx, keyed.map((k) => k.obj), rec)
    }

    const updates: RowUpdate[] = []
    for (let i = 0; i < objs.length; i++) {
      const obj = objs[i]
      if (!obj.row || obj.lookupOnly) continue
      const changes = diffStored(obj)
      if (changes.length === 0) continue
      for (const c of changes) rec.changed(c.entity, spec.objectType, obj.id!, c.field, c.before, c.after)
      updates.push({ id: obj.id!, changes, author: authorOf(changes[0].entity) })
    }
    if (updates.length > 0) await updateRows(tx, spec, updates, written)

    const writable = objs.filter((o) => !o.lookupOnly)
    if (spec.tags) {
      const added = await addTags(tx, spec, writable)
      if (added.length > 0) {
        const names = await tagNames(tx, spec, [...new Set(added.map((a) => a.obj.id!))])
        const byObj = new Map<number, typeof added>()
        for (const a of added) {
          let l = byObj.get(a.obj.id!)
          if (!l) byObj.set(a.obj.id!, (l = []))
          l.push(a)
        }
        for (const [id, list] of byObj) {
          const after = names.get(id) ?? []
          const addedNames = new Set(list.map((a) => String(a.tag.data.get('name')?.value ?? '')))
          for (const a of list) {
            if (a.obj.created && primaryEntity(a.obj) === a.entity) {
              rec.changed(a.entity, spec.objectType, id, 'tags', [], after)
            } else {
              rec.changed(a.entity, spec.objectType, id, 'tags', after.filter((n) => !addedNames.has(n)), after)
            }
          }
        }
      }
    }
    for (const m of spec.m2m) {
      for (const c of await replaceSets(tx, m, writable)) rec.changed(c.entity, spec.objectType, c.obj.id!, c.field, c.before, c.after)
    }
  }
  await applyDeferred(tx, objects, rec, authorOf, written)
  return objects
}
