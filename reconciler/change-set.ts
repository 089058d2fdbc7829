// The change set of each entity: what its values did to the store, object by object, with the
// before and after of every changed field. A change is reported on the entity whose value caused
// it; an object created for several entities is reported on the entity that is that object (or
// else the first that named it).
import type { ModelSpec } from './models.ts'
import type { PlanObject } from './match.ts'

export interface ChangeEntry {
  change_type: 'create' | 'update' | 'noop'
  object_type: string
  object_id: number | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface EntityChangeSet {
  changes: ChangeEntry[]
  warnings?: string[]
}

export class ChangeRecorder {
  /** Per entity its entries, one per object, in the order first changed. A list rather than a
   * Map keyed by "type:id": an entity changes a handful of objects, and a Map (and a key string
   * per change) for each entity of a batch was garbage kept alive until the batch ends. */
  readonly #byEntity = new Map<number, ChangeEntry[]>()
  readonly #warnings = new Map<number, string[]>()

  #entry (entity: number, objectType: string, id: number, type: 'create' | 'update'): ChangeEntry {
    let list = this.#byEntity.get(entity)
    if (!list) this.#byEntity.set(entity, (list = []))
    for (const e of list) if (e.object_id === id && e.object_type === objectType) return e
    const e: ChangeEntry = { change_type: type, object_type: objectType, object_id: id, before: type === 'create' ? null : {}, after: {} }
    list.push(e)
    return e
  }

  /** `shown`: whether a column's value belongs in the change set (defaults the producer did not
   * send do not); a filter rather than a filtered copy of every new row's values. */
  created (entity: number, spec: ModelSpec, id: number, values: Map<string, unknown>, shown?: (column: string, value: unknown) => boolean): void {
    const e = this.#entry(entity, spec.objectType, id, 'create')
    const after = e.after!
    values.forEach((v, k) => { if (v !== null && v !== undefined && (shown === undefined || shown(k, v))) after[k] = v })
  }

  changed (entity: number, objectType: string, id: number, field: string, before: unknown, after: unknown): void {
    const e = this.#entry(entity, objectType, id, 'update')
    if (e.change_type === 'create') {
      e.after![field] = after
      return
    }
    if (!(field in e.before!)) e.before![field] = before
    e.after![field] = after
  }

  warn (entity: number, message: string): void {
    let l = this.#warnings.get(entity)
    if (!l) this.#warnings.set(entity, (l = []))
    if (!l.includes(message)) l.push(message)
  }

  hasChanges (entity: number): boolean {
    return (this.#byEntity.get(entity)?.length ?? 0) > 0
  }

  /** The entity's change set; a noop entry for its own object when nothing changed. */
  changeSet (entity: number, root: PlanObject | undefined, extraWarnings: string[]): EntityChangeSet {
    const changes = this.#byEntity.get(entity)?.slice() ?? []
    if (changes.length === 0 && root) changes.push(noopEntry(root.spec.objectType, root.id ?? null))
    // Most entities have no warnings: no arrays built to find that out.
    const own = this.#warnings.get(entity)
    if (extraWarnings.length === 0 && own === undefined) return { changes }
    const warnings = [...extraWarnings, ...(own ?? [])]
    return warnings.length > 0 ? { changes, warnings } : { changes }
  }
}

/** The entity a create is reported on: the one whose own object it is, else the first naming it
 * among the entities of this pass. */
export function primaryEntity (obj: PlanObject): number {
  let root = Infinity
  let first = Infinity
  for (const n of obj.nodes) {
    if (n.path === '' && n.entity < root) root = n.entity
    if (n.entity < first) first = n.entity
  }
  return root !== Infinity ? root : first
}

function noopEntry (objectType: string, objectId: number | null): ChangeEntry {
  return { change_type: 'noop', object_type: objectType, object_id: objectId, before: null, after: null }
}

/** True for the change set of an entity that changed nothing and has no warnings: it says no
 * more than the log row's state, object type and id, so it is not stored (unchanged repeats are
 * most entities) and noopChangeSet() rebuilds it on read. */
export function isBareNoop (cs: EntityChangeSet, objectType: string, objectId: number | null): boolean {
  if (cs.warnings !== undefined || cs.changes.length !== 1) return false
  const c = cs.changes[0]
  return c.change_type === 'noop' && c.object_type === objectType && c.object_id === objectId
}

export function noopChangeSet (objectType: string, objectId: number | null): EntityChangeSet {
  return { changes: [noopEntry(objectType, objectId)] }
}
