// Helpers for the structured outputs (`| json`, `| display json`): reading the document even
// with a stray line before it, and walking NX-OS's TABLE_x/ROW_x nesting, where a ROW is an
// object when there is one row and an array when there are more.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

/** The JSON document in a command's output, or undefined when there is none. */
export function parseJsonOutput (output: string): Json | undefined {
  const start = output.search(/[{[]/)
  if (start < 0) return undefined
  const end = Math.max(output.lastIndexOf('}'), output.lastIndexOf(']'))
  if (end < start) return undefined
  try {
    return JSON.parse(output.slice(start, end + 1)) as Json
  } catch {
    return undefined
  }
}

/** True when the output is a JSON document rather than text. */
export function looksLikeJson (output: string): boolean {
  return /^\s*[{[]/.test(output)
}

export function isObject (v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** An array whatever the value: undefined -> [], one item -> [item]. */
export function asArray (v: Json | undefined): Json[] {
  if (v === undefined || v === null) return []
  return Array.isArray(v) ? v : [v]
}

/**
 * Rows of an NX-OS table: `rows(doc, 'interface')` reads doc.TABLE_interface.ROW_interface in
 * any of its shapes (object or array at either level).
 */
export function rows (doc: Json | undefined, name: string): JsonObject[] {
  if (!isObject(doc)) return []
  const out: JsonObject[] = []
  for (const table of asArray(doc[`TABLE_${name}`])) {
    if (!isObject(table)) continue
    for (const row of asArray(table[`ROW_${name}`])) if (isObject(row)) out.push(row)
  }
  return out
}

/** A string field, trimmed; numbers are stringified; empty and placeholders give undefined. */
export function str (o: JsonObject | undefined, ...keys: string[]): string | undefined {
  if (o === undefined) return undefined
  for (const k of keys) {
    const v = o[k]
    if (typeof v === 'number') return String(v)
    if (typeof v === 'string') {
      const t = v.trim()
      if (t !== '' && !/^(--|n\/a|none|not advertised|null)$/i.test(t)) return t
    }
  }
  return undefined
}

/** A numeric field (numbers or numeric strings). */
export function num (o: JsonObject | undefined, ...keys: string[]): number | undefined {
  if (o === undefined) return undefined
  for (const k of keys) {
    const v = o[k]
    if (typeof v === 'number' && Number.isFinite(v)) return v
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim())
  }
  return undefined
}

/** An object field, or undefined. */
export function obj (o: Json | undefined, key: string): JsonObject | undefined {
  if (!isObject(o)) return undefined
  const v = o[key]
  return isObject(v) ? v : undefined
}
