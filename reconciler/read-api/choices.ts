// Choice fields rendered as NetBox renders them: { value: 'active', label: 'Active' }. The labels
// come from NetBox's OpenAPI document (gen-choice-labels.ts); an unknown value keeps its value as
// label rather than disappearing.
import { readFileSync } from 'node:fs'

const LABELS: Record<string, Record<string, string>> = JSON.parse(
  readFileSync(new URL('./choice-labels.json', import.meta.url), 'utf8')
) as Record<string, Record<string, string>>

export interface Choice<V = string> { value: V, label: string }

/** `field` is "Model.field" as in choice-labels.json, e.g. "Interface.type". Null stays null. */
export function choice (field: string, value: unknown): Choice | null {
  if (value === null || value === undefined || value === '') return null
  const v = String(value)
  return { value: v, label: LABELS[field]?.[v] ?? v }
}

/** NetBox's address family choice, { value: 4, label: 'IPv4' }. */
export function family (addressText: string): Choice<number> {
  return addressText.includes(':') ? { value: 6, label: 'IPv6' } : { value: 4, label: 'IPv4' }
}
