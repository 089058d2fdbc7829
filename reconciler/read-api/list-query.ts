// Turns a resource and a query string into the two statements of a list page (count and rows)
// or the one of a detail view.
import type { Queryable } from '../../store/index.ts'
import { InvalidQueryParamError } from './errors.ts'
import { buildWhere } from './filters.ts'
import type { Page } from './pagination.ts'
import type { Resource, Row } from './resource.ts'
import { selectList } from './serialize.ts'
import { SqlParams } from './sql-params.ts'

/** ?ordering=-name,id over the resource's allow-list; id breaks ties so pages never overlap. */
export function orderBy (resource: Resource, query: URLSearchParams): string {
  const raw = query.get('ordering')?.trim()
  if (!raw) {
    if (resource.defaultOrder !== undefined) return resource.defaultOrder
    const [first] = Object.values(resource.ordering)
    return first === 't.id' ? 't.id' : `${first}, t.id`
  }
  const terms = raw.split(',').map((term) => {
    const desc = term.startsWith('-')
    const key = desc ? term.slice(1) : term
    const expr = resource.ordering[key]
    if (expr === undefined) throw new InvalidQueryParamError('ordering', `"${key}" is not one of ${Object.keys(resource.ordering).join(', ')}`)
    return `${expr}${desc ? ' desc' : ''}`
  })
  return [...terms, 't.id'].join(', ')
}

const CUSTOM_FIELD = /^cf_([A-Za-z0-9_]{1,50})$/

/** NetBox's ?cf_<name>=value on the custom_fields jsonb: any of the values, compared as text. */
function customFieldConditions (resource: Resource, query: URLSearchParams, params: SqlParams): string[] {
  if (resource.fields.custom_fields === undefined) return []
  const conditions: string[] = []
  for (const key of new Set(query.keys())) {
    const m = CUSTOM_FIELD.exec(key)
    if (m === null) continue
    const values = query.getAll(key).map((v) => v.trim()).filter((v) => v !== '')
    if (values.length > 0) conditions.push(`(t.custom_fields ->> ${params.add(m[1])}) = any(${params.add(values)}::text[])`)
  }
  return conditions
}

export async function listRows (db: Queryable, resource: Resource, query: URLSearchParams, page: Page): Promise<{ count: number, rows: Row[] }> {
  const params = new SqlParams()
  const conditions = [...buildWhere(resource.filters, query, params), ...customFieldConditions(resource, query, params)]
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : ''
  const order = orderBy(resource, query)
  const countParams = [...params.values]
  const limit = params.add(page.limit)
  const offset = params.add(page.offset)
  // Ids first, rows second: derived columns (counts, cable ends) are then computed for the page
  // only, not for every row a sort or a large offset walks past.
  const [count, ids] = await Promise.all([
    db.query<{ count: number }>(`select count(*)::int as count from ${resource.table} t ${where}`, countParams),
    db.query<{ id: number }>(`select t.id from ${resource.table} t ${where} order by ${order} limit ${limit} offset ${offset}`, params.values)
  ])
  const pageIds = ids.rows.map((r) => Number(r.id))
  if (pageIds.length === 0) return { count: Number(count.rows[0].count), rows: [] }
  const found = await db.query(`select ${selectList(resource)} from ${resource.table} t where t.id = any($1::bigint[])`, [pageIds])
  const byId = new Map(found.rows.map((r) => [Number(r.id), r]))
  // A row deleted between the two statements is simply absent from the page.
  const rows = pageIds.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined)
  return { count: Number(count.rows[0].count), rows }
}

export async function getRow (db: Queryable, resource: Resource, id: number): Promise<Row | undefined> {
  const r = await db.query(`select ${selectList(resource)} from ${resource.table} t where t.id = $1`, [id])
  return r.rows[0]
}
