// Juniper Junos (MX, EX, QFX, SRX). Commands are asked for with `| display json` where the
// parsers have a JSON path (Junos 14.2+); text parsers cover older releases and the commands
// read as text only (`show interfaces terse`, `show ethernet-switching interface`,
// `show route instance detail`).
import { defineDriver, bothForms } from './define-driver.ts'
import {
  parseJunosVersion, parseJunosChassisHardware, parseJunosInterfaces, parseJunosInterfacesTerse, parseJunosVlans,
  parseJunosSwitchingInterface, parseJunosLldp, parseJunosRouteInstances
} from './juniper-junos-text.ts'
import {
  parseJunosVersionJson, parseJunosChassisHardwareJson, parseJunosInterfacesJson, parseJunosVlansJson, parseJunosLldpJson
} from './juniper-junos-json.ts'

const J = '| display json'

export const juniperJunos = defineDriver({
  name: 'juniper_junos',
  manufacturer: 'Juniper',
  setupCommands: ['set cli screen-length 0', 'set cli screen-width 1024'],
  needsEnable: false,
  // user@router> ; the {master:0} line sits above it on virtual chassis
  promptPattern: /(?:^|\n)[\w.\-@]+[>#%]\s*$/,
  commands: [
    `show version ${J}`,
    `show chassis hardware ${J}`,
    `show interfaces ${J}`,
    `show vlans ${J}`,
    'show ethernet-switching interface',
    'show route instance detail',
    `show lldp neighbors ${J}`
  ],
  detect: (text) => /JUNOS|Junos:|Juniper Networks|\{master(:\d+)?\}/.test(text),
  parsers: [
    ...bothForms('show version', J, parseJunosVersion, parseJunosVersionJson),
    ...bothForms('show chassis hardware', J, parseJunosChassisHardware, parseJunosChassisHardwareJson),
    ...bothForms('show interfaces', J, parseJunosInterfaces, parseJunosInterfacesJson, ['show interfaces detail', 'show interfaces extensive']),
    { command: 'show interfaces terse', parse: parseJunosInterfacesTerse },
    ...bothForms('show vlans', J, parseJunosVlans, parseJunosVlansJson),
    { command: 'show ethernet-switching interface', aliases: ['show ethernet-switching interfaces'], parse: (o) => parseJunosSwitchingInterface(o) },
    { command: 'show route instance detail', parse: parseJunosRouteInstances },
    ...bothForms('show lldp neighbors', J, parseJunosLldp, parseJunosLldpJson)
  ]
})
