// Shared CLI parsing helpers for the SSH platform drivers: text tables, units, MACs, IP masks,
// interface names and NetBox types, VLAN lists, structured-output walking, prompts.
export { toLines, splitBlocks, firstMatch, matchText, clean, toInt, columnsFromHeader, cutRow, isRule, squash } from './text.ts'
export { parseSpeedKbps, parseDuplex, normalizeMac, uptimeSeconds } from './units.ts'
export { maskToPrefix, prefixToMask, isIPv4, isIPv6, toCidr, parseCidr, isLinkLocalV6 } from './ip.ts'
export {
  expandInterfaceName, parentInterface, guessInterfaceType, typeFromSpeed,
  CISCO_ABBREVIATIONS, NXOS_ABBREVIATIONS, EOS_ABBREVIATIONS, XR_ABBREVIATIONS
} from './interface-name.ts'
export { parseVlanList, ALL_VLANS } from './vlan-list.ts'
export { parseJsonOutput, looksLikeJson, rows, str, num, obj, asArray, isObject } from './json-output.ts'
export { parseCiscoInventory, isModule, isChassis } from './inventory.ts'
export { parseCdpDetail, parseLldpDetail } from './neighbors.ts'
export { parseCiscoInterfaces } from './cisco-interfaces.ts'
export { parseSwitchport } from './switchport.ts'
export { parseLagSummary } from './lag-summary.ts'
export { parseVlanTable, vlanStatus } from './vlan-table.ts'
export { hostnameFromPrompt } from './prompt.ts'

export type { Column } from './text.ts'
export type { AbbreviationTable, TypeHints } from './interface-name.ts'
export type { Json, JsonObject } from './json-output.ts'
export type { InventoryResult } from './inventory.ts'
export type { InterfacesResult } from './cisco-interfaces.ts'
