// Cisco IOS-XR (ASR 9000, NCS, 8000, XRv). Text only: XR offers structured data over NETCONF
// and gNMI, not the CLI.
import { defineDriver } from './define-driver.ts'
import { parseXrVersion, parseRunningHostname, parseXrIpv4Interface, parseXrIpv6Interface, parseXrVrf } from './cisco-xr-parsers.ts'
import { inventoryFragment, interfacesOnly } from './fragments.ts'
import { parseCdpDetail, parseLldpDetail } from '../parse/neighbors.ts'
import { XR_ABBREVIATIONS } from '../parse/interface-name.ts'

export const ciscoXr = defineDriver({
  name: 'cisco_xr',
  manufacturer: 'Cisco',
  setupCommands: ['terminal length 0', 'terminal width 511'],
  needsEnable: false,
  // RP/0/RSP0/CPU0:router#
  promptPattern: /(?:^|\n)(?:RP\/\S+:)?[\w.\-()/:]+#\s*$/,
  // Inventory first: the merge keeps the first model it sees, and the chassis PID
  // ("ASR-9006-AC-V2") is the device type, where `show version` says "ASR9K".
  commands: [
    'show inventory',
    'show version',
    'show running-config hostname',
    'show interfaces',
    'show vrf all',
    'show ipv4 vrf all interface',
    'show ipv6 vrf all interface',
    'show lldp neighbors detail',
    'show cdp neighbors detail'
  ],
  detect: (text) => /Cisco IOS XR Software|IOS-XR|\bIOS XR\b/i.test(text),
  parsers: [
    { command: 'show version', parse: parseXrVersion },
    { command: 'show running-config hostname', aliases: ['show running-config | include hostname'], parse: parseRunningHostname },
    { command: 'show inventory', aliases: ['admin show inventory', 'show inventory all'], parse: (o) => inventoryFragment(o, 'Cisco') },
    { command: 'show interfaces', parse: (o) => interfacesOnly(o, XR_ABBREVIATIONS) },
    { command: 'show vrf all', parse: parseXrVrf },
    { command: 'show ipv4 vrf all interface', aliases: ['show ipv4 interface'], parse: parseXrIpv4Interface },
    { command: 'show ipv6 vrf all interface', aliases: ['show ipv6 interface'], parse: parseXrIpv6Interface },
    { command: 'show lldp neighbors detail', parse: (o) => ({ neighbors: parseLldpDetail(o, XR_ABBREVIATIONS) }) },
    { command: 'show cdp neighbors detail', parse: (o) => ({ neighbors: parseCdpDetail(o, XR_ABBREVIATIONS) }) }
  ]
})
