// Arista EOS. Every command is asked for with `| json` (EOS 4.x has it for all of these); the
// text parsers read older releases and sessions where JSON is not available.
import { defineDriver, bothForms } from './define-driver.ts'
import { parseEosVersion, parseEosHostname, parseEosInventory, parseEosLldpDetail, parseEosVrf } from './arista-eos-text.ts'
import {
  parseEosVersionJson, parseEosHostnameJson, parseEosInventoryJson, parseEosInterfacesJson, parseEosIpInterfaceJson,
  parseEosIpv6InterfaceJson, parseEosSwitchportJson, parseEosVlanJson, parseEosVrfJson, parseEosLldpJson
} from './arista-eos-json.ts'
import { parseIosIpInterface, parseIosIpv6Interface } from './cisco-ios-parsers.ts'
import { lagFragment, interfacesOnly } from './fragments.ts'
import { parseSwitchport } from '../parse/switchport.ts'
import { parseVlanTable } from '../parse/vlan-table.ts'
import { EOS_ABBREVIATIONS } from '../parse/interface-name.ts'

const J = '| json'

export const aristaEos = defineDriver({
  name: 'arista_eos',
  manufacturer: 'Arista',
  setupCommands: ['terminal length 0', 'terminal width 511'],
  needsEnable: false,
  promptPattern: /(?:^|\n)[\w.\-()/:]+[>#]\s*$/,
  commands: [
    `show version ${J}`,
    `show hostname ${J}`,
    `show inventory ${J}`,
    `show interfaces ${J}`,
    `show interfaces switchport ${J}`,
    `show vlan ${J}`,
    `show vrf ${J}`,
    `show ip interface ${J}`,
    `show ipv6 interface ${J}`,
    `show lldp neighbors detail ${J}`
  ],
  // "EOS" alone is too common a word (end of sale) to go by; EOS's version screen names Arista.
  detect: (text) => /Arista Networks|^Arista \S|\bvEOS\b|\bcEOS|Arista EOS|^Software image version:/m.test(text),
  parsers: [
    ...bothForms('show version', J, parseEosVersion, parseEosVersionJson),
    ...bothForms('show hostname', J, parseEosHostname, parseEosHostnameJson),
    ...bothForms('show inventory', J, parseEosInventory, parseEosInventoryJson),
    ...bothForms('show interfaces', J, (o) => interfacesOnly(o, EOS_ABBREVIATIONS), (o) => ({ interfaces: parseEosInterfacesJson(o).interfaces })),
    ...bothForms('show interfaces switchport', J, (o) => ({ interfaces: parseSwitchport(o, EOS_ABBREVIATIONS) }), parseEosSwitchportJson),
    ...bothForms('show vlan', J, (o) => ({ vlans: parseVlanTable(o) }), parseEosVlanJson, ['show vlan brief']),
    ...bothForms('show vrf', J, parseEosVrf, parseEosVrfJson),
    ...bothForms('show ip interface', J, parseIosIpInterface, parseEosIpInterfaceJson),
    ...bothForms('show ipv6 interface', J, parseIosIpv6Interface, parseEosIpv6InterfaceJson),
    ...bothForms('show lldp neighbors detail', J, parseEosLldpDetail, parseEosLldpJson),
    { command: 'show port-channel summary', parse: (o) => lagFragment(o, EOS_ABBREVIATIONS) }
  ]
})
