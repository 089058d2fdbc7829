// Cisco NX-OS. Every command is asked for with `| json` (NX-OS 6+); the same parsers read the
// text form when a release or a command answers in text.
import { defineDriver, bothForms } from './define-driver.ts'
import { inventoryFragment, lagFragment, interfacesOnly } from './fragments.ts'
import { parseNxosVersion, parseNxosIpInterface, parseNxosIpv6Interface, parseNxosVrfDetail } from './cisco-nxos-text.ts'
import {
  parseNxosVersionJson, parseNxosInventoryJson, parseNxosInterfacesJson, parseNxosSwitchportJson, parseNxosPortChannelJson,
  parseNxosVlanJson, parseNxosVrfJson, parseNxosIpInterfaceJson, parseNxosIpv6InterfaceJson, parseNxosLldpJson, parseNxosCdpJson
} from './cisco-nxos-json.ts'
import { parseSwitchport } from '../parse/switchport.ts'
import { parseVlanTable } from '../parse/vlan-table.ts'
import { parseCdpDetail, parseLldpDetail } from '../parse/neighbors.ts'
import { NXOS_ABBREVIATIONS } from '../parse/interface-name.ts'

const J = '| json'

export const ciscoNxos = defineDriver({
  name: 'cisco_nxos',
  manufacturer: 'Cisco',
  setupCommands: ['terminal length 0', 'terminal width 511'],
  needsEnable: false,
  promptPattern: /(?:^|\n)[\w.\-()/:]+#\s*$/,
  // Inventory first: the merge keeps the first model it sees, and the chassis PID
  // ("N9K-C9396PX") is the device type, where `show version` has "Nexus9000 C9396PX".
  commands: [
    `show inventory ${J}`,
    `show version ${J}`,
    `show interface ${J}`,
    `show interface switchport ${J}`,
    `show port-channel summary ${J}`,
    `show vlan brief ${J}`,
    `show vrf detail ${J}`,
    `show ip interface vrf all ${J}`,
    `show ipv6 interface vrf all ${J}`,
    `show lldp neighbors detail ${J}`,
    `show cdp neighbors detail ${J}`
  ],
  detect: (text) => /Cisco Nexus Operating System|NX-OS|\bNexus\d*\b/i.test(text) && !/IOS XR/i.test(text),
  parsers: [
    ...bothForms('show version', J, parseNxosVersion, parseNxosVersionJson),
    ...bothForms('show inventory', J, (o) => inventoryFragment(o, 'Cisco'), parseNxosInventoryJson),
    ...bothForms('show interface', J, (o) => interfacesOnly(o, NXOS_ABBREVIATIONS), (o) => ({ interfaces: parseNxosInterfacesJson(o).interfaces }), ['show interfaces']),
    ...bothForms('show interface switchport', J, (o) => ({ interfaces: parseSwitchport(o, NXOS_ABBREVIATIONS) }), parseNxosSwitchportJson),
    ...bothForms('show port-channel summary', J, (o) => lagFragment(o, NXOS_ABBREVIATIONS), parseNxosPortChannelJson),
    ...bothForms('show vlan brief', J, (o) => ({ vlans: parseVlanTable(o) }), parseNxosVlanJson, ['show vlan']),
    ...bothForms('show vrf detail', J, parseNxosVrfDetail, parseNxosVrfJson, ['show vrf']),
    ...bothForms('show ip interface vrf all', J, parseNxosIpInterface, parseNxosIpInterfaceJson, ['show ip interface']),
    ...bothForms('show ipv6 interface vrf all', J, parseNxosIpv6Interface, parseNxosIpv6InterfaceJson, ['show ipv6 interface']),
    ...bothForms('show lldp neighbors detail', J, (o) => ({ neighbors: parseLldpDetail(o, NXOS_ABBREVIATIONS) }), parseNxosLldpJson),
    ...bothForms('show cdp neighbors detail', J, (o) => ({ neighbors: parseCdpDetail(o, NXOS_ABBREVIATIONS) }), parseNxosCdpJson)
  ]
})
