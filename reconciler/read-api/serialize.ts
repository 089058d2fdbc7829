// Renders rows as NetBox renders objects. References are loaded through a per-request batch
// loader: every field asking for a site, a device type or a tag during one pass over a page is
// collected and fetched with one `where id = any($1)` query per type, so a page of 1000
// interfaces costs a handful of queries, not thousands.
import type { Queryable } from '../../store/index.ts'
import type { RenderContext, Resource, Row } from './resource.ts'

interface Waiting<T> { resolve: (v: T) => void, reject: (e: unknown) => void }

export class PageRenderer {
  readonly #db: Queryable
  readonly #resources: ReadonlyMap<string, Resource>
  readonly #baseUrl: string
  readonly #rows = new Map<string, Map<number, Promise<Row | undefined>>>()
  readonly #related = new Map<string, Map<number, Promise<Row[]>>>()
  readonly #pendingRows = new Map<string, Map<number, Waiting<Row | undefined>>>()
  readonly #pendingRelated = new Map<string, Map<number, Waiting<Row[]>>>()
  #scheduled = false

  /** `baseUrl` is the absolute API root without a trailing slash: "https://host/api". */
  constructor (db: Queryable, resources: ReadonlyMap<string, Resource>, baseUrl: string) {
    this.#db = db
    this.#resources = resources
    this.#baseUrl = baseUrl
  }

  /** Makes rows already read (the page itself) available to references without a query. */
  prime (type: string, rows: Row[]): void {
    const cache = this.#cacheFor(this.#rows, type)
    for (const row of rows) cache.set(Number(row.id), Promise.resolve(row))
  }

  async full (resource: Resource, row: Row): Promise<Record<string, unknown>> {
    const ctx = this.#context(resource)
    return this.#render(resource, row, ctx, resource.fields)
  }

  async brief (resource: Resource, row: Row): Promise<Record<string, unknown>> {
    return this.#render(resource, row, this.#context(resource), resource.brief)
  }

  /** The brief form of any object by type and id; null when it no longer exists. */
  async briefOf (type: string, id: unknown): Promise<Record<string, unknown> | null> {
    const resource = this.#resources.get(type)
    if (resource === undefined) return null
    const row = await this.#row(type, id)
    return row === undefined ? null : this.brief(resource, row)
  }

  url (type: string, id: unknown): string | null {
    const path = this.#resources.get(type)?.path
    return path === undefined || id === null || id === undefined ? null : `${this.#baseUrl}/${path}/${String(id)}/`
  }

  async #render (resource: Resource, row: Row, ctx: RenderContext, fields: Resource['fields']): Promise<Record<string, unknown>> {
    const names = Object.keys(fields)
    const [display, ...values] = await Promise.all([resource.display(row, ctx), ...names.map((n) => fields[n](row, ctx))])
    const out: Record<string, unknown> = { id: Number(row.id), url: this.url(resource.type, row.id), display }
    names.forEach((n, i) => { out[n] = values[i] })
    return out
  }

  #context (resource: Resource): RenderContext {
    return {
      row: (type, id) => this.#row(type, id),
      brief: async (type, id) => {
        const target = this.#resources.get(type)
        if (target === undefined) throw new Error(`read API: no resource for object type ${type}`)
        const row = await this.#row(type, id)
        return row === undefined ? null : this.brief(target, row)
      },
      related: (relation, ownerId) => this.#relatedRows(resource, relation, ownerId),
      url: (type, id) => this.url(type, id)
    }
  }

  #row (type: string, id: unknown): Promise<Row | undefined> {
    if (id === null || id === undefined) return Promise.resolve(undefined)
    const key = Number(id)
    const cache = this.#cacheFor(this.#rows, type)
    let p = cache.get(key)
    if (p === undefined) {
      p = new Promise((resolve, reject) => this.#cacheFor(this.#pendingRows, type).set(key, { resolve, reject }))
      cache.set(key, p)
      this.#schedule()
    }
    return p
  }

  #relatedRows (resource: Resource, relation: string, ownerId: unknown): Promise<Row[]> {
    if (resource.relations?.[relation] === undefined) throw new Error(`read API: ${resource.type} has no relation ${relation}`)
    const name = `${resource.type}\n${relation}`
    const key = Number(ownerId)
    const cache = this.#cacheFor(this.#related, name)
    let p = cache.get(key)
    if (p === undefined) {
      p = new Promise((resolve, reject) => this.#cacheFor(this.#pendingRelated, name).set(key, { resolve, reject }))
      cache.set(key, p)
      this.#schedule()
    }
    return p
  }

  #cacheFor<V> (map: Map<string, Map<number, V>>, key: string): Map<number, V> {
    let m = map.get(key)
    if (m === undefined) map.set(key, m = new Map())
    return m
  }

  #schedule (): void {
    if (this.#scheduled) return
    this.#scheduled = true
    // setImmediate runs after every pending promise reaction, so one pass over a page has asked
    // for all it needs before the batch goes out.
    setImmediate(() => {
      this.#scheduled = false
      void this.#flush()
    })
  }

  async #flush (): Promise<void> {
    const rows = [...this.#pendingRows]
    const related = [...this.#pendingRelated]
    this.#pendingRows.clear()
    this.#pendingRelated.clear()
    await Promise.all([
      ...rows.map(([type, waiting]) => this.#settle(waiting, async () => {
        const resource = this.#resources.get(type)
        if (resource === undefined) throw new Error(`read API: no resource for object type ${type}`)
        const found = await this.#db.query(`select ${selectList(resource)} from ${resource.table} t where t.id = any($1::bigint[])`, [[...waiting.keys()]])
        const byId = new Map(found.rows.map((r) => [Number(r.id), r]))
        return (id: number) => byId.get(id)
      })),
      ...related.map(([name, waiting]) => this.#settle(waiting, async () => {
        const [type, relationName] = name.split('\n')
        const relation = this.#resources.get(type)!.relations![relationName]
        const found = await this.#db.query(relation.sql, [[...waiting.keys()], ...(relation.args ?? [])])
        const byOwner = new Map<number, Row[]>()
        for (const r of found.rows) {
          const owner = Number(r.owner_id)
          const list = byOwner.get(owner)
          if (list === undefined) byOwner.set(owner, [r])
          else list.push(r)
        }
        return (id: number) => byOwner.get(id) ?? []
      }))
    ])
  }

  async #settle<T> (waiting: Map<number, Waiting<T>>, load: () => Promise<(id: number) => T>): Promise<void> {
    try {
      const lookup = await load()
      for (const [id, w] of waiting) w.resolve(lookup(id))
    } catch (err) {
      for (const w of waiting.values()) w.reject(err)
    }
  }
}

/** `t.*` plus the resource's derived columns. */
export function selectList (resource: Resource): string {
  return ['t.*', ...(resource.extra ?? [])].join(', ')
}
