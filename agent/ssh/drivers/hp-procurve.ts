// HP ProCurve / ArubaOS-Switch (2530, 2920, 3810, 5400R...). Text only. Show commands need the
// manager level, hence enable. VLAN membership comes from the running config, the one screen
// that lists every port's untagged and tagged VLANs.
import { defineDriver } from './define-driver.ts'
import {
  parseProcurveSystem, parseProcurveVersion, parseProcurveLocalDevice, parseProcurveInterfacesBrief, parseProcurveVlans,
  parseProcurveIp, parseProcurveRunningConfig, parseProcurveCdpDetail, parseProcurveLldpDetail, parseProcurveLldpSummary
} from './hp-procurve-parsers.ts'

export const hpProcurve = defineDriver({
  name: 'hp_procurve',
  manufacturer: 'HPE',
  setupCommands: ['no page'],
  needsEnable: true,
  promptPattern: /(?:^|\n)[\w.\-()/:]+[>#]\s*$/,
  commands: [
    'show system',
    'show version',
    'show lldp info local-device',
    'show interfaces brief',
    'show vlans',
    'show running-config',
    'show ip',
    'show lldp info remote-device all',
    'show cdp neighbors detail'
  ],
  detect: (text) => /ProCurve|ArubaOS-Switch|HP J\d{4}[A-Z]|Aruba JL\d{3}A|Status and Counters - General System Information|Image stamp:/i.test(text),
  parsers: [
    { command: 'show system', aliases: ['show system information'], parse: parseProcurveSystem },
    { command: 'show version', parse: parseProcurveVersion },
    { command: 'show lldp info local-device', parse: parseProcurveLocalDevice },
    { command: 'show interfaces brief', parse: parseProcurveInterfacesBrief },
    { command: 'show vlans', parse: parseProcurveVlans },
    { command: 'show running-config', parse: parseProcurveRunningConfig },
    { command: 'show ip', parse: parseProcurveIp },
    { command: 'show lldp info remote-device all', aliases: ['show lldp info remote-device detail'], parse: parseProcurveLldpDetail },
    { command: 'show lldp info remote-device', parse: parseProcurveLldpSummary },
    { command: 'show cdp neighbors detail', parse: parseProcurveCdpDetail }
  ]
})
