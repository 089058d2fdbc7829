// Small adapters from the shared parsers' results to DeviceFragments, used by several drivers.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredInterface } from '../../model.ts'
import { parseCiscoInventory } from '../parse/inventory.ts'
import { parseLagSummary } from '../parse/lag-summary.ts'
import type { AbbreviationTable } from '../parse/interface-name.ts'
import { parseCiscoInterfaces } from '../parse/cisco-interfaces.ts'

/** Inventory, plus the chassis model and serial for a device whose version output lacks them. */
export function inventoryFragment (output: string, manufacturer: string): DeviceFragment {
  const { inventory, chassis } = parseCiscoInventory(output, manufacturer)
  const out: DeviceFragment = { inventory }
  if (chassis?.model !== undefined) out.model = chassis.model
  if (chassis?.serial !== undefined) out.serial = chassis.serial
  return out
}

/** LAGs (typed "lag") and their members (with `lag` set) from a port-channel summary. */
export function lagFragment (output: string, table: AbbreviationTable): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  for (const { lag, members } of parseLagSummary(output, table)) {
    interfaces.push({ name: lag, type: 'lag' })
    for (const member of members) interfaces.push({ name: member, lag })
  }
  return { interfaces }
}

/**
 * `show interfaces` without its addresses: the drivers that use it also run a VRF-aware address
 * command, and an address reported twice (once without its VRF) would become two IP addresses.
 */
export function interfacesOnly (output: string, table: AbbreviationTable): DeviceFragment {
  return { interfaces: parseCiscoInterfaces(output, table).interfaces }
}
