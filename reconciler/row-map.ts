// Values per stored row, keyed by (table index in MODELS, row id). One Map per table keeps the
// keys small integers: a single Map keyed by `table * 2^40 + id` made every key a heap-allocated
// double, and the fingerprint bookkeeping of a batch (tens of thousands of rows) spent more time
// hashing and printing those doubles than anything else it did.
export class RowMap<V> {
  readonly #tables: Array<Map<number, V> | undefined> = []
  #size = 0

  get size (): number { return this.#size }

  get (table: number, id: number): V | undefined {
    return this.#tables[table]?.get(id)
  }

  has (table: number, id: number): boolean {
    return this.#tables[table]?.has(id) ?? false
  }

  set (table: number, id: number, value: V): this {
    let m = this.#tables[table]
    if (m === undefined) this.#tables[table] = (m = new Map())
    const before = m.size
    m.set(id, value)
    this.#size += m.size - before
    return this
  }

  forEach (visit: (value: V, table: number, id: number) => void): void {
    this.#tables.forEach((m, table) => m?.forEach((value, id) => visit(value, table, id)))
  }

  /** The ids of each table that has any. */
  tables (): Array<[number, number[]]> {
    const out: Array<[number, number[]]> = []
    this.#tables.forEach((m, table) => { if (m !== undefined && m.size > 0) out.push([table, [...m.keys()]]) })
    return out
  }
}
