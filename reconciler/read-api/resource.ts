// A resource is one REST endpoint described as data: its table, how each field is rendered, its
// brief (nested) form, filters, free-text search and orderings. The serializer and the list
// query are generic over this table, so adding an endpoint is adding an entry.
import { choice } from './choices.ts'
import type { FilterTable } from './filters.ts'

export type Row = Record<string, unknown>

/** What a field may ask while it renders; loads are batched per type across a whole page. */
export interface RenderContext {
  /** The row of `type` with this id, or undefined when it does not exist. */
  row (type: string, id: unknown): Promise<Row | undefined>
  /** The brief (nested) form of a referenced object, or null for a null reference. */
  brief (type: string, id: unknown): Promise<Record<string, unknown> | null>
  /** Rows of a named relation (a join table) belonging to `ownerId`. */
  related (relation: string, ownerId: unknown): Promise<Row[]>
  /** Absolute URL of an object, or null when the API has no endpoint for its type. */
  url (type: string, id: unknown): string | null
}

export type Field = (row: Row, ctx: RenderContext) => unknown

/** A join table read for many owners at once: `sql` takes the owner ids as $1 (bigint[]) and
 * returns an `owner_id` column plus whatever the fields need. */
export interface Relation { sql: string, args?: unknown[] }

export interface Resource {
  /** NetBox object type, app_label.model: "dcim.device". */
  type: string
  /** Path under the API base, NetBox's: "dcim/devices". Undefined for types only ever nested. */
  path?: string
  /** Table, read with alias `t`. */
  table: string
  /** Extra select expressions after `t.*`, each ending in `as name`. */
  extra?: string[]
  display: (row: Row, ctx: RenderContext) => string | Promise<string>
  /** Brief form fields after id, url, display. */
  brief: Record<string, Field>
  /** Full form fields after id, url, display. */
  fields: Record<string, Field>
  filters: FilterTable
  /** Orderings accepted by ?ordering=, name -> SQL expression; the first is the default. */
  ordering: Record<string, string>
  /** Default ORDER BY when it is not the first ordering ascending (the change log: newest first). */
  defaultOrder?: string
  relations?: Record<string, Relation>
}

// Field helpers. Columns come from `t.*`, so names are the schema's.

export const col = (column: string): Field => (row) => row[column] ?? null

/** numeric columns arrive as strings from pg; NetBox renders them as JSON numbers. */
export const num = (column: string): Field => (row) => row[column] === null || row[column] === undefined ? null : Number(row[column])

export const choiceOf = (field: string, column: string): Field => (row) => choice(field, row[column])

export const ref = (type: string, column: string): Field => (row, ctx) => ctx.brief(type, row[column])

/** A MAC address as NetBox prints it (upper case, colons). */
export const mac = (column: string): Field => (row) => typeof row[column] === 'string' ? (row[column] as string).toUpperCase() : null

/** Brief objects of a relation whose rows carry `target_id`. */
export const refs = (relation: string, type: string): Field => async (row, ctx) => {
  const rows = await ctx.related(relation, row.id)
  return Promise.all(rows.map((r) => ctx.brief(type, r.target_id)))
}

/** NetBox's `tags`: nested tags, through the polymorphic tagged_item table. */
export const tags: Field = refs('tags', 'extras.tag')

/** The relation every tagged resource declares; $2 is its object type. */
export function tagRelation (type: string): Relation {
  return {
    sql: 'select ti.object_id as owner_id, ti.tag_id as target_id from tagged_item ti join tag g on g.id = ti.tag_id where ti.object_id = any($1::bigint[]) and ti.object_type = $2 order by g.weight, g.name',
    args: [type]
  }
}

/** The fields most NetBox models end with. */
export function common (options: { comments?: boolean } = {}): Record<string, Field> {
  return {
    description: col('description'),
    ...(options.comments === false ? {} : { comments: col('comments') }),
    tags,
    custom_fields: col('custom_fields'),
    created: col('created'),
    last_updated: col('last_updated')
  }
}

/** The brief form NetBox uses for most organisational models. */
export const NAME_SLUG_BRIEF: Record<string, Field> = { name: col('name'), slug: col('slug'), description: col('description') }
