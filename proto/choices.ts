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

// NetBox refuses a cable on an interface without a physical port of its own (virtual, bridge,
// LAG: dcim.constants VIRTUAL_IFACE_TYPES) or on a radio (WIRELESS_IFACE_TYPES).
const VIRTUAL_INTERFACE_TYPES = new Set(['virtual', 'bridge', 'lag'])

/** True when NetBox lets a cable attach to an interface of this Interface.type. */
export function isCableableInterfaceType (type: string): boolean {
  return !VIRTUAL_INTERFACE_TYPES.has(type) && !type.startsWith('ieee802.11') && !type.startsWith('ieee802.15') && type !== 'other-wireless'
}
