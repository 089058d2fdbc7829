// Inventory items in the Cisco "NAME: / DESCR: / PID: / VID: / SN:" layout, which IOS, IOS-XE,
// NX-OS and IOS-XR (`show inventory`, `admin show inventory`) all print, plus the rules that
// tell a module from a plain item and the chassis from both.
import type { DiscoveredInventoryItem } from '../../model.ts'
import { clean, toLines } from './text.ts'

const NAME_LINE = /^\s*NAME:\s*(?:"([^"]*)"|(.*?))\s*,?\s+DESCR:\s*(?:"([^"]*)"?|(.*))\s*$/i
const PID_LINE = /^\s*PID:\s*(.*?)\s*,?\s+VID:\s*(.*?)\s*,?\s+SN:\s*(.*?)\s*$/i
// A PID line may come without VID/SN on some old images.
const PID_ONLY = /^\s*PID:\s*(\S*)/i

const STRONG_MODULE = /line ?card|supervisor|route (switch )?processor|routing engine|ethernet module|expansion module|\bfpc\b|\bmic\b|\bpic\b/i
const NOT_MODULE = /pluggable|optic|transceiver|\bgbic\b|\bsfp|\bqsfp|\bxfp|\bfan\b|fan ?tray|power|\bpsu\b|\bpem\b|chassis|backplane|midplane/i
const WEAK_MODULE = /\bmodule\b|\bslot\b|\bLC\b|\bRSP\d*\b|\bRP\d*\b|fabric card|\bcpu\d*\b/i

/**
 * True when a name or description shows a field-replaceable module in a bay (line card,
 * supervisor, route processor); optics, fans and power supplies stay plain items.
 */
export function isModule (name: string, description = ''): boolean {
  const text = `${name} ${description}`
  // "ASR 9006 4 Line Card Slot Chassis" names line cards but is the chassis.
  if (isChassis(name, description)) return false
  return STRONG_MODULE.test(text) || (!NOT_MODULE.test(text) && WEAK_MODULE.test(text))
}

/** True when an inventory entry is the chassis itself (its PID is the device model). */
export function isChassis (name: string, description = ''): boolean {
  return /^(chassis|rack \d+|switch( system)?( \d+)?|\d+$|.*\bchassis)$/i.test(name.trim()) ||
    (/chassis/i.test(description) && !/fan|power|slot/i.test(name))
}

export interface InventoryResult {
  inventory: DiscoveredInventoryItem[]
  /** PID and serial of the first chassis entry, for a device whose version output lacks them. */
  chassis?: { model?: string, serial?: string }
}

/** Parses Cisco-layout inventory text. */
export function parseCiscoInventory (output: string, manufacturer = 'Cisco'): InventoryResult {
  const inventory: DiscoveredInventoryItem[] = []
  let chassis: InventoryResult['chassis']
  let current: DiscoveredInventoryItem | undefined
  for (const line of toLines(output)) {
    const n = NAME_LINE.exec(line)
    if (n !== null) {
      const name = (n[1] ?? n[2] ?? '').trim()
      const description = clean(n[3] ?? n[4])
      current = { name, kind: isModule(name, description) ? 'module' : 'item', manufacturer }
      if (description !== undefined) current.description = description
      inventory.push(current)
      continue
    }
    if (current === undefined) continue
    const p = PID_LINE.exec(line) ?? PID_ONLY.exec(line)
    if (p === null) continue
    const partId = clean(p[1])
    const serial = clean(p[3])
    if (partId !== undefined) current.partId = partId
    if (serial !== undefined) current.serial = serial
    if (chassis === undefined && isChassis(current.name, current.description)) {
      chassis = {}
      if (partId !== undefined) chassis.model = partId
      if (serial !== undefined) chassis.serial = serial
    }
    current = undefined
  }
  return chassis === undefined ? { inventory } : { inventory, chassis }
}
