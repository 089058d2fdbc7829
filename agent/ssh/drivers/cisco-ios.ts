// Cisco IOS and IOS-XE. Neither offers structured output over the CLI on every release still
// in service, so every command is read as text.
import { defineDriver } from './define-driver.ts'
import { parseIosIpInterface, parseIosIpv6Interface, parseIosVersion, parseIosVrf } from './cisco-ios-parsers.ts'
import { inventoryFragment, lagFragment, interfacesOnly } from './fragments.ts'
import { parseSwitchport } from '../parse/switchport.ts'
import { parseVlanTable } from '../parse/vlan-table.ts'
import { parseCdpDetail, parseLldpDetail } from '../parse/neighbors.ts'
import { CISCO_ABBREVIATIONS } from '../parse/interface-name.ts'

export const ciscoIos = defineDriver({
  name: 'cisco_ios',
  manufacturer: 'Cisco',
  setupCommands: ['terminal length 0', 'terminal width 511'],
  needsEnable: true,
  promptPattern: /(?:^|\n)[\w.\-()/:]+[>#]\s*$/,
  commands: [
    'show version',
    'show inventory',
    'show interfaces',
    'show interfaces switchport',
    'show etherchannel summary',
    'show vlan brief',
    'show vrf',
    'show ip interface',
    'show ipv6 interface',
    'show lldp neighbors detail',
    'show cdp neighbors detail'
  ],
  detect: (text) => /Cisco IOS Software|Cisco Internetwork Operating System|IOS \(tm\)|Cisco IOS XE Software|IOS-XE Software/i.test(text) &&
    !/IOS XR|IOS-XR|NX-OS|Nexus/i.test(text),
  parsers: [
    { command: 'show version', parse: parseIosVersion },
    { command: 'show inventory', parse: (o) => inventoryFragment(o, 'Cisco') },
    { command: 'show interfaces', parse: (o) => interfacesOnly(o, CISCO_ABBREVIATIONS) },
    { command: 'show interfaces switchport', parse: (o) => ({ interfaces: parseSwitchport(o, CISCO_ABBREVIATIONS) }) },
    { command: 'show etherchannel summary', parse: (o) => lagFragment(o, CISCO_ABBREVIATIONS) },
    { command: 'show vlan brief', aliases: ['show vlan'], parse: (o) => ({ vlans: parseVlanTable(o) }) },
    { command: 'show vrf', aliases: ['show ip vrf'], parse: parseIosVrf },
    { command: 'show ip interface', parse: parseIosIpInterface },
    { command: 'show ipv6 interface', parse: parseIosIpv6Interface },
    { command: 'show lldp neighbors detail', parse: (o) => ({ neighbors: parseLldpDetail(o, CISCO_ABBREVIATIONS) }) },
    { command: 'show cdp neighbors detail', parse: (o) => ({ neighbors: parseCdpDetail(o, CISCO_ABBREVIATIONS) }) }
  ]
})
