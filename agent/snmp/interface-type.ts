// IANAifType + speed -> NetBox interface type slug. Ethernet-like types go by speed (a guess between
// copper and optics that the operator can correct: SNMP does not say which); logical interfaces are
// "virtual"; aggregates "lag".

/** ifType numbers (IANAifType-MIB) of Ethernet-like media. */
const ETHERNET = new Set([6, 7, 11, 26, 55, 62, 69, 117])
const VIRTUAL = new Set([24, 53, 131, 135, 136, 150, 166, 23, 108, 142, 194, 249, 258])
const BY_TYPE: Record<number, string> = {
  161: 'lag',
  209: 'bridge',
  71: 'other-wireless',
  18: 't1',
  19: 'e1',
  30: 't3',
  37: 'xdsl',
  94: 'xdsl',
  97: 'xdsl',
  230: 'xdsl',
  251: 'xdsl',
  127: 'docsis',
  250: 'gpon',
  111: 'cisco-stackwise'
}

/** Ethernet speed buckets in Mbit/s, lowest first. */
const ETHERNET_BY_SPEED: Array<[number, string]> = [
  [100, '100base-tx'],
  [1000, '1000base-t'],
  [2500, '2.5gbase-t'],
  [5000, '5gbase-t'],
  [10000, '10gbase-x-sfpp'],
  [25000, '25gbase-x-sfp28'],
  [40000, '40gbase-x-qsfpp'],
  [50000, '50gbase-x-sfp56'],
  [100000, '100gbase-x-qsfp28'],
  [200000, '200gbase-x-qsfp56'],
  [400000, '400gbase-x-qsfpdd'],
  [800000, '800gbase-x-qsfpdd']
]

// When a down port reports no speed, its name usually says what it is.
const NAME_SPEED: Array<[RegExp, number]> = [
  [/^(?:fourhundredgig|fh)/i, 400000],
  [/^(?:hundredgig|hu|et-)/i, 100000],
  [/^(?:fiftygig|fi)/i, 50000],
  [/^(?:fortygig|fo)/i, 40000],
  [/^(?:twentyfivegig|twe)/i, 25000],
  [/^(?:tengig|te|xe-)/i, 10000],
  [/^(?:gigabit|gi|ge-)/i, 1000],
  [/^(?:fastethernet|fa)/i, 100]
]

const LAG_NAME = /^(?:port-channel|po\d|ae\d|bond|lag|trk|eth-trunk|bundle-ether|be\d)/i

function ethernetBySpeed (mbps: number): string | undefined {
  if (mbps < 100) return mbps > 0 ? 'other' : undefined
  for (const [limit, slug] of ETHERNET_BY_SPEED) if (mbps <= limit * 1.05) return slug
  return '800gbase-x-qsfpdd'
}

export function interfaceType (ifType: number | undefined, speedBps: number | undefined, name: string): string {
  if (LAG_NAME.test(name) && (ifType === 161 || ifType === 53 || ifType === 6)) return 'lag'
  if (ifType === undefined) return 'other'
  if (ETHERNET.has(ifType)) {
    const bySpeed = speedBps === undefined ? undefined : ethernetBySpeed(speedBps / 1e6)
    if (bySpeed !== undefined) return bySpeed
    for (const [re, mbps] of NAME_SPEED) if (re.test(name)) return ethernetBySpeed(mbps) ?? 'other'
    return 'other'
  }
  if (VIRTUAL.has(ifType)) return 'virtual'
  return BY_TYPE[ifType] ?? 'other'
}
