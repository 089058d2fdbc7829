// OS family and version from sysDescr (and the enterprise number when sysDescr says too little, as
// on RouterOS and FortiGate). Platform names follow NetBox habits: "<vendor> <OS> <version>".

export interface OsInfo {
  /** e.g. "ios-xe", "eos", "junos". */
  osFamily: string
  osVersion?: string
  /** e.g. "Cisco IOS-XE 17.3.4". */
  platform: string
}

interface Rule {
  family: string
  name: string
  test: RegExp
  /** Tried in order; the first group that matches is the version. */
  version?: RegExp | RegExp[]
}

// Order matters: IOS-XE and NX-OS descriptions also contain "Cisco IOS".
const RULES: Rule[] = [
  { family: 'ios-xr', name: 'Cisco IOS-XR', test: /Cisco IOS[ -]XR/i, version: /Version ([\w.()-]+)/ },
  { family: 'nx-os', name: 'Cisco NX-OS', test: /NX-OS/i, version: /Version ([\w.()]+)/ },
  { family: 'ios-xe', name: 'Cisco IOS-XE', test: /IOS[ -]XE|IOSXE|IOSD|CAT9K|Catalyst L3 Switch Software/i, version: /Version ([\w.()]+)/ },
  { family: 'ios', name: 'Cisco IOS', test: /Cisco (?:IOS|Internetwork Operating System)/i, version: /Version ([\w.()]+)/ },
  { family: 'eos', name: 'Arista EOS', test: /Arista Networks EOS/i, version: /EOS version ([\w.-]+)/i },
  { family: 'junos', name: 'Juniper Junos', test: /JUNOS|Juniper Networks/i, version: /JUNOS ([\w.-]+?)(?:,|\s|$)/i },
  { family: 'routeros', name: 'MikroTik RouterOS', test: /RouterOS/i, version: /RouterOS (\d[\w.]*)/i },
  { family: 'os10', name: 'Dell OS10', test: /OS10/i, version: /OS Version:?\s*([\d.]+\w*)/i },
  { family: 'procurve', name: 'HPE ArubaOS-Switch', test: /ProCurve|revision [A-Z]{1,2}\.\d+\.\d+|Aruba .*Switch/i, version: /revision ([A-Z]{1,2}\.[\d.]+)/ },
  { family: 'fortios', name: 'Fortinet FortiOS', test: /FortiGate|FortiOS/i, version: /v(\d+\.\d+\.\d+)/ },
  { family: 'vrp', name: 'Huawei VRP', test: /Huawei Versatile Routing Platform|VRP \(R\)/i, version: [/\b(V\d{3}R\d{3}C\d{2}\w*)/, /Version ([\d.]+)/] },
  { family: 'edgeos', name: 'Ubiquiti EdgeOS', test: /EdgeOS/i, version: /EdgeOS v(\d+\.\d+\.\d+)/i },
  { family: 'panos', name: 'Palo Alto PAN-OS', test: /Palo Alto Networks/i },
  { family: 'sros', name: 'Nokia SR OS', test: /TiMOS/i, version: /TiMOS-[A-Z]-([\w.]+)/ },
  { family: 'exos', name: 'Extreme EXOS', test: /ExtremeXOS/i, version: /version ([\d.]+)/i },
  { family: 'freebsd', name: 'FreeBSD', test: /^FreeBSD/, version: /^FreeBSD \S+ ([\w.-]+)/ },
  { family: 'windows', name: 'Microsoft Windows', test: /Windows/i, version: /Version ([\d.]+)/ },
  { family: 'linux', name: 'Linux', test: /^Linux\b/, version: /^Linux \S+ (\S+)/ }
]

// When sysDescr is a bare host or model string, the enterprise number still names the OS.
const BY_ENTERPRISE: Record<number, Omit<Rule, 'test'>> = {
  14988: { family: 'routeros', name: 'MikroTik RouterOS' },
  12356: { family: 'fortios', name: 'Fortinet FortiOS', version: /v(\d+\.\d+\.\d+)/ },
  30065: { family: 'eos', name: 'Arista EOS' },
  2636: { family: 'junos', name: 'Juniper Junos' },
  41112: { family: 'edgeos', name: 'Ubiquiti EdgeOS' },
  25461: { family: 'panos', name: 'Palo Alto PAN-OS' }
}

function versionOf (rule: Omit<Rule, 'test'>, text: string): string | undefined {
  for (const re of Array.isArray(rule.version) ? rule.version : rule.version === undefined ? [] : [rule.version]) {
    const v = re.exec(text)?.slice(1).find((g) => g !== undefined)
    if (v !== undefined) return v.replace(/[,.]$/, '')
  }
  return undefined
}

export function parseSysDescr (sysDescr: string | undefined, enterprise?: number): OsInfo | undefined {
  const text = (sysDescr ?? '').replace(/\s+/g, ' ').trim()
  let rule: Omit<Rule, 'test'> | undefined = RULES.find((r) => r.test.test(text))
  if (rule === undefined && enterprise !== undefined) rule = BY_ENTERPRISE[enterprise]
  if (rule === undefined) return undefined
  const osVersion = versionOf(rule, text)
  return { osFamily: rule.family, osVersion, platform: osVersion === undefined ? rule.name : `${rule.name} ${osVersion}` }
}
