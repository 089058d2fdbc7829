// Collects bind parameters while a WHERE clause is assembled, so filters never splice values
// into SQL text.
export class SqlParams {
  readonly values: unknown[] = []

  /** Adds a value and returns its placeholder ($1, $2...). */
  add (value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** Escapes LIKE wildcards so a free-text search matches the user's characters literally. */
export function likeContains (text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`
}
