// Diff with partial-update semantics: only fields the entity sent are compared; a field sent with a
// value replaces the stored one, an unsent field is left as it is. Custom fields are merged key by
// key; tags are merged in batch-apply.ts (added, never removed).
import type { FieldSpec, ModelSpec, RefSpec } from './models.ts'
import type { PlanObject } from './match.ts'
import { slugify } from './slugify.ts'
import { fromStored, sameValue } from './values.ts'

export interface FieldChange {
  column: string
  /** Entity field name the change is reported under. */
  field: string
  before: unknown
  after: unknown
  /** Entity (batch index) whose value this is. */
  entity: number
}

const fieldByColumn = new WeakMap<ModelSpec, Map<string, FieldSpec>>()
export function fieldSpec (spec: ModelSpec, column: string): FieldSpec | undefined {
  let m = fieldByColumn.get(spec)
  if (!m) fieldByColumn.set(spec, (m = new Map(spec.fields.map((f) => [f.column, f]))))
  return m.get(column)
}

/** Id of a resolved reference; undefined when the target is not written (yet). */
export function targetId (obj: PlanObject, r: RefSpec): number | undefined {
  return obj.refs.get(r.field)?.value.obj?.id
}

/** Values of the not-deferred references: column -> id (and type column -> object type). */
function refValues (obj: PlanObject): Array<{ column: string, field: string, value: unknown, entity: number }> {
  const out: Array<{ column: string, field: string, value: unknown, entity: number }> = []
  // Index loops in refValues and createValues: they run for every object written, much of it
  // before V8 optimises them, and unoptimised for-of allocates an iterator result per step.
  const refs = obj.spec.refs
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]
    if (r.deferred) continue
    const ref = obj.refs.get(r.field)
    if (!ref) continue
    const id = ref.value.obj?.id
    if (id === undefined) continue
    out.push({ column: r.column, field: r.field, value: id, entity: ref.entity })
    if (r.typeColumn) out.push({ column: r.typeColumn, field: r.field, value: ref.value.spec.objectType, entity: ref.entity })
  }
  // A prefix scoped to a site or a location keeps the site cached for filtering by site.
  if (obj.spec.type === 'prefix') {
    const s = obj.refs.get('scope_site')
    const loc = obj.refs.get('scope_location')
    const id = s ? s.value.obj?.id : loc?.value.obj?.refs.get('site')?.value.obj?.id
    if (id !== undefined) out.push({ column: 'site_id', field: 'scope', value: id, entity: (s ?? loc)!.entity })
  }
  return out
}

function createDefault (obj: PlanObject, column: string): unknown {
  return obj.spec.createDefaults?.[column]?.((c) => obj.data.get(c)?.value)
}

/** Why the object cannot be created, as [field, message], or undefined when it can. */
export function missingForCreate (obj: PlanObject): [string, string] | undefined {
  for (const req of obj.spec.required) {
    const r = obj.spec.refs.find((x) => x.field === req)
    if (r) {
      const ref = obj.refs.get(req)
      if (!ref) return [req, `field ${req} is required to create a ${obj.spec.objectType}`]
      if (ref.value.obj?.id === undefined) return [req, `${req} could not be resolved`]
      continue
    }
    const v = obj.data.get(req)?.value ?? createDefault(obj, req)
    if ((v === undefined || v === null || v === '') && !(req === 'slug' && obj.spec.slug && obj.data.get(obj.spec.slug.from)?.value)) {
      return [req, `field ${req} is required to create a ${obj.spec.objectType}`]
    }
  }
  return undefined
}

/** Column values of a new row: sent values, resolved references, generated slug, values made up
 * from others (createDefaults). A field's plain `default` is not among them: insertRows writes it
 * for a row without the column, and the change set does not show an unsent default anyway, so
 * most of a wide row's columns need no entry. */
export function createValues (obj: PlanObject): Map<string, unknown> {
  const values = new Map<string, unknown>()
  const fields = obj.spec.fields
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]
    const v = obj.data.get(f.column)?.value
    if (v !== undefined) {
      values.set(f.column, v)
    } else if (f.column === 'slug' && obj.spec.slug) {
      values.set('slug', slugify(String(obj.data.get(obj.spec.slug.from)?.value ?? '')))
    } else {
      const made = createDefault(obj, f.column)
      if (made !== undefined) values.set(f.column, made)
    }
  }
  const refs = refValues(obj)
  for (let i = 0; i < refs.length; i++) values.set(refs[i].column, refs[i].value)
  if (obj.customFields.size > 0) values.set('custom_fields', Object.fromEntries([...obj.customFields].map(([k, v]) => [k, v.value])))
  return values
}

/** Field changes of a matched object against its stored row. custom_fields changes carry the
 * patch (changed keys only) as `after`. */
export function diffStored (obj: PlanObject): FieldChange[] {
  const row = obj.row!
  const changes: FieldChange[] = []
  for (const [column, s] of obj.data) {
    const f = fieldSpec(obj.spec, column)!
    const before = fromStored(f, row[column] ?? null)
    if (!sameValue(before, s.value)) changes.push({ column, field: f.field, before, after: s.value, entity: s.entity })
  }
  for (const r of refValues(obj)) {
    const stored = row[r.column] ?? null
    const before = typeof r.value === 'number' ? (stored === null ? null : Number(stored)) : stored
    if (before !== r.value) changes.push({ column: r.column, field: r.field, before, after: r.value, entity: r.entity })
  }
  if (obj.customFields.size > 0) {
    const stored = JSON.parse(row.custom_fields ?? '{}') as Record<string, unknown>
    const patch: Record<string, unknown> = {}
    const before: Record<string, unknown> = {}
    let entity = -1
    for (const [k, v] of obj.customFields) {
      if (JSON.stringify(stored[k]) === JSON.stringify(v.value)) continue
      patch[k] = v.value
      before[k] = stored[k] ?? null
      entity = Math.max(entity, v.entity)
    }
    if (entity >= 0) changes.push({ column: 'custom_fields', field: 'custom_fields', before, after: patch, entity })
  }
  return changes
}
