// Allowed values of diode.v1's string "choice" fields (status, type, mode...), generated with the
// .proto from the wire facts. Upstream Diode enforces these through protoc-gen-validate rules.
import { readFileSync } from 'node:fs'

export const CHOICES: Readonly<Record<string, readonly string[]>> = Object.freeze(
  JSON.parse(readFileSync(new URL('./choices.json', import.meta.url), 'utf8')) as Record<string, string[]>
)

/** True when `value` is allowed for `Message.field`, or when that field has no choice list. */
export function isChoice (messageAndField: string, value: string): boolean {
  const allowed = CHOICES[messageAndField]
  return allowed === undefined || allowed.includes(value)
}
