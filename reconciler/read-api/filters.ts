// Query-string filters as NetBox's django-filter sets behave: a parameter repeated means "any of
// these values" (?name=a&name=b), an empty value is ignored, a value that names nothing matches
// nothing, and a value that cannot be read at all (?id=abc) is a 400 naming the parameter.
import { isIP } from 'node:net'
import { InvalidQueryParamError } from './errors.ts'
import { SqlParams, likeContains } from './sql-params.ts'

/** Builds one SQL condition from the non-empty values of a parameter. */
export type Filter = (values: string[], params: SqlParams, name: string) => string

export type FilterTable = Record<string, Filter>

/** Values in the form NetBox accepts as "no value" on nullable foreign keys (?vrf_id=null). */
const NULL_VALUES = new Set(['null'])

/** An integer query value (an id); anything else is a 400 naming the parameter. */
export function parseIntParam (name: string, value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new InvalidQueryParamError(name, `"${value}" is not a valid integer`)
  return Number(value)
}

/** Columns behind plain text and integer filters, so `name__ic=` or `vid__gte=` can reuse them. */
const LOOKUP_EXPR = new WeakMap<Filter, { expr: string, kind: 'text' | 'int' }>()

function withLookups (filter: Filter, expr: string, kind: 'text' | 'int'): Filter {
  LOOKUP_EXPR.set(filter, { expr, kind })
  return filter
}

/** Integer column or expression; `null` matches rows where it is NULL. */
export function intFilter (expr: string): Filter {
  return withLookups((values, params, name) => {
    const ints = values.filter((v) => !NULL_VALUES.has(v)).map((v) => parseIntParam(name, v))
    const parts: string[] = []
    if (ints.length > 0) parts.push(`${expr} = any(${params.add(ints)}::bigint[])`)
    if (ints.length < values.length) parts.push(`${expr} is null`)
    return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`
  }, expr, 'int')
}

/** Exact text match, as NetBox's `name`, `serial`, `slug` filters. */
export function textFilter (expr: string): Filter {
  return withLookups((values, params) => `${expr} = any(${params.add(values)}::text[])`, expr, 'text')
}

/** Case-insensitive exact match (NetBox's `__ie` lookup), for values people type, like MACs. */
export function textFilterCi (expr: string): Filter {
  return (values, params) => `lower(${expr}) = any(${params.add(values.map((v) => v.toLowerCase()))}::text[])`
}

/**
 * A reference named by one of the referenced row's text columns: `?site=dc1` takes the slug as
 * NetBox does, and also the name, because Diode producers often only know the name.
 */
export function refFilter (fkExpr: string, table: string, columns: string[] = ['slug', 'name']): Filter {
  return (values, params) => {
    const named = values.filter((v) => !NULL_VALUES.has(v))
    const parts: string[] = []
    if (named.length > 0) {
      const p = params.add(named)
      parts.push(`${fkExpr} in (select id from ${table} where ${columns.map((c) => `${c} = any(${p}::text[])`).join(' or ')})`)
    }
    if (named.length < values.length) parts.push(`${fkExpr} is null`)
    return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`
  }
}

/**
 * A filter on a related table, as a semi-join the planner can drive from an index:
 * `viaFilter('t.device_id', 'd.id from device d', refFilter('d.site_id', 'site'))`.
 */
export function viaFilter (fk: string, from: string, inner: Filter): Filter {
  return (values, params, name) => `${fk} in (select ${from} where ${inner(values, params, name)})`
}

/** A boolean flag: true/false/1/0 as NetBox accepts them. */
export function boolFilter (expr: string): Filter {
  return (values, params, name) => {
    const bools = values.map((v) => {
      const lower = v.toLowerCase()
      if (lower === 'true' || lower === '1') return true
      if (lower === 'false' || lower === '0') return false
      throw new InvalidQueryParamError(name, `"${v}" is not a valid boolean`)
    })
    return `${expr} = any(${params.add(bools)}::boolean[])`
  }
}

/** Checks an IP address with or without a mask; returns [address, masklen | undefined]. */
export function parseAddress (name: string, value: string): [string, number | undefined] {
  const slash = value.indexOf('/')
  const host = slash === -1 ? value : value.slice(0, slash)
  const family = isIP(host)
  if (family === 0) throw new InvalidQueryParamError(name, `"${value}" is not a valid IP address`)
  if (slash === -1) return [host, undefined]
  const bits = value.slice(slash + 1)
  const max = family === 4 ? 32 : 128
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) throw new InvalidQueryParamError(name, `"${value}" has an invalid mask (0-${max})`)
  return [host, Number(bits)]
}

/**
 * NetBox's `address` filter: `10.0.0.1` matches 10.0.0.1 with any mask, `10.0.0.1/24` only that
 * interface address. Compared as inet, so `2001:0db8::1` equals `2001:db8::1`.
 */
export function addressFilter (expr: string, vrfExpr: string): Filter {
  return (values, params, name) => values.map((v) => {
    const [host, bits] = parseAddress(name, v)
    // Written to match the unique index on (coalesce(vrf_id, 0), host(address)): probing every VRF
    // (there are few) lets PostgreSQL use it instead of scanning every address.
    const hostCond = `coalesce(${vrfExpr}, 0) = any(array(select 0 union all select id from vrf)) and host(${expr}) = host(${params.add(host)}::inet)`
    return bits === undefined ? `(${hostCond})` : `(${hostCond} and masklen(${expr}) = ${params.add(bits)})`
  }).join(' or ')
}

/**
 * A network relation: `=` exact prefix, `<<` strictly within, `<<=` within or equal, `>>=`
 * containing. Values are normalised with network(), so 10.0.0.1/24 reads as 10.0.0.0/24 instead
 * of failing PostgreSQL's cidr cast; a value without a mask is a host route (/32, /128).
 */
export function cidrFilter (expr: string, relation: '=' | '<<=' | '<<' | '>>=' = '='): Filter {
  return (values, params, name) => values.map((v) => {
    const [host, bits] = parseAddress(name, v)
    const net = bits === undefined ? host : `${host}/${bits}`
    return `(${expr} ${relation} network(${params.add(net)}::inet))`
  }).join(' or ')
}

/** Case-insensitive substring over several expressions: NetBox's `q`. */
export function searchFilter (exprs: string[]): Filter {
  return (values, params) => values.map((v) => {
    const p = params.add(likeContains(v))
    return `(${exprs.map((e) => `${e}::text ilike ${p}`).join(' or ')})`
  }).join(' and ')
}

/** Parses an ISO 8601 time for `since`/`until`-style parameters. */
export function parseTime (name: string, value: string): Date {
  const d = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime())) {
    throw new InvalidQueryParamError(name, `"${value}" is not an ISO 8601 time`)
  }
  return d
}

// NetBox's lookup suffixes (?name__ic=core, ?vid__gte=100, ?id__n=3). Negated lookups exclude
// every value given; the others match any of them.
const TEXT_LOOKUPS: Record<string, { sql: (e: string, p: string) => string, negate?: boolean, pattern?: (v: string) => string }> = {
  n: { sql: (e, p) => `${e} = ${p}`, negate: true },
  ie: { sql: (e, p) => `lower(${e}) = lower(${p})` },
  nie: { sql: (e, p) => `lower(${e}) = lower(${p})`, negate: true },
  ic: { sql: (e, p) => `${e} ilike ${p}`, pattern: likeContains },
  nic: { sql: (e, p) => `${e} ilike ${p}`, negate: true, pattern: likeContains },
  isw: { sql: (e, p) => `${e} ilike ${p}`, pattern: (v) => likeContains(v).slice(1) },
  nisw: { sql: (e, p) => `${e} ilike ${p}`, negate: true, pattern: (v) => likeContains(v).slice(1) },
  iew: { sql: (e, p) => `${e} ilike ${p}`, pattern: (v) => likeContains(v).slice(0, -1) },
  niew: { sql: (e, p) => `${e} ilike ${p}`, negate: true, pattern: (v) => likeContains(v).slice(0, -1) }
}
const INT_LOOKUPS: Record<string, string> = { n: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' }

function lookupCondition (filter: Filter, lookup: string, values: string[], params: SqlParams, name: string): string | undefined {
  const meta = LOOKUP_EXPR.get(filter)
  if (meta === undefined) return undefined
  if (meta.kind === 'int') {
    const op = INT_LOOKUPS[lookup]
    if (op === undefined) return undefined
    const parts = values.map((v) => `${meta.expr} ${op} ${params.add(parseIntParam(name, v))}`)
    return parts.join(op === '<>' ? ' and ' : ' or ')
  }
  const l = TEXT_LOOKUPS[lookup]
  if (l === undefined) return undefined
  const parts = values.map((v) => l.sql(`coalesce(${meta.expr}, '')`, params.add(l.pattern ? l.pattern(v) : v)))
  return l.negate === true ? `not (${parts.join(' or ')})` : parts.join(' or ')
}

/** Applies every known filter present in the query; unknown parameters are ignored as NetBox does. */
export function buildWhere (filters: FilterTable, query: URLSearchParams, params: SqlParams): string[] {
  const conditions: string[] = []
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name).map((v) => v.trim()).filter((v) => v !== '')
    if (values.length === 0) continue
    const filter = Object.hasOwn(filters, name) ? filters[name] : undefined
    if (filter !== undefined) {
      conditions.push(`(${filter(values, params, name)})`)
      continue
    }
    const split = name.lastIndexOf('__')
    if (split <= 0) continue
    const base = name.slice(0, split)
    const baseFilter = Object.hasOwn(filters, base) ? filters[base] : undefined
    if (baseFilter === undefined) continue
    const condition = lookupCondition(baseFilter, name.slice(split + 2), values, params, name)
    if (condition !== undefined) conditions.push(`(${condition})`)
  }
  return conditions
}

/** NetBox's `tag` filter (slug; the name is accepted too): an object must carry every tag given. */
export function tagFilter (type: string): Filter {
  return (values, params) => {
    const t = params.add(type)
    return values.map((v) => {
      const p = params.add(v)
      return `exists (select 1 from tagged_item ti join tag g on g.id = ti.tag_id where ti.object_type = ${t} and ti.object_id = t.id and (g.slug = ${p} or g.name = ${p}))`
    }).join(' and ')
  }
}

/** The filters every resource has: id, free text, tags, and name/slug where the model has them. */
export function baseFilters (type: string, options: { search: string[], name?: boolean, slug?: boolean, tags?: boolean }): FilterTable {
  return {
    id: intFilter('t.id'),
    q: searchFilter(options.search),
    ...(options.name === false ? {} : { name: textFilter('t.name') }),
    ...(options.slug === true ? { slug: textFilter('t.slug') } : {}),
    ...(options.tags === false ? {} : { tag: tagFilter(type) })
  }
}
