// Interface names: expanding the abbreviations neighbour tables and port lists use ("Gi1/0/1",
// "Te1/1", "Po10") to the names `show interfaces` prints, finding a subinterface's parent, and
// guessing the NetBox type from the name, the hardware/media text and the speed.

/** Long names per abbreviation, tried in order; the first whose long form the prefix fits wins. */
export type AbbreviationTable = ReadonlyArray<readonly [short: string, long: string]>

/** IOS / IOS-XE / NX-OS / EOS spellings. */
export const CISCO_ABBREVIATIONS: AbbreviationTable = [
  ['Fa', 'FastEthernet'],
  ['Gi', 'GigabitEthernet'],
  ['Tw', 'TwoGigabitEthernet'],
  ['Fi', 'FiveGigabitEthernet'],
  ['Te', 'TenGigabitEthernet'],
  ['Twe', 'TwentyFiveGigE'],
  ['Fo', 'FortyGigabitEthernet'],
  ['Hu', 'HundredGigE'],
  ['Et', 'Ethernet'],
  ['Eth', 'Ethernet'],
  ['Po', 'Port-channel'],
  ['Lo', 'Loopback'],
  ['Vl', 'Vlan'],
  ['Tu', 'Tunnel'],
  ['Se', 'Serial'],
  ['Ma', 'Management'],
  ['Mg', 'mgmt'],
  ['Nv', 'nve']
]

/** NX-OS spellings: its aggregates and loopbacks are lower case ("port-channel10"). */
export const NXOS_ABBREVIATIONS: AbbreviationTable = [
  ['Eth', 'Ethernet'],
  ['Et', 'Ethernet'],
  ['Po', 'port-channel'],
  ['Lo', 'loopback'],
  ['Vl', 'Vlan'],
  ['Tu', 'Tunnel'],
  ['mgmt', 'mgmt'],
  ['nve', 'nve']
]

/** EOS spellings. */
export const EOS_ABBREVIATIONS: AbbreviationTable = [
  ['Et', 'Ethernet'],
  ['Po', 'Port-Channel'],
  ['Ma', 'Management'],
  ['Lo', 'Loopback'],
  ['Vl', 'Vlan'],
  ['Vx', 'Vxlan'],
  ['Tu', 'Tunnel']
]

/** IOS-XR spellings. */
export const XR_ABBREVIATIONS: AbbreviationTable = [
  ['Gi', 'GigabitEthernet'],
  ['Te', 'TenGigE'],
  ['TF', 'TwentyFiveGigE'],
  ['Fo', 'FortyGigE'],
  ['Hu', 'HundredGigE'],
  ['FH', 'FourHundredGigE'],
  ['BE', 'Bundle-Ether'],
  ['Mg', 'MgmtEth'],
  ['Lo', 'Loopback'],
  ['Nu', 'Null'],
  ['tt', 'tunnel-te'],
  ['BV', 'BVI']
]

/**
 * Expands an abbreviated interface name ("Gi1/0/1" -> "GigabitEthernet1/0/1"). Names already
 * long, or whose letters match no table entry, come back unchanged (trimmed).
 */
export function expandInterfaceName (name: string, table: AbbreviationTable = CISCO_ABBREVIATIONS): string {
  const n = name.trim()
  const m = /^([A-Za-z][A-Za-z-]*?)\s*(\d.*)$/.exec(n)
  if (m === null) return n
  const letters = m[1]
  const lower = letters.toLowerCase()
  // A full name is left alone, whatever its case.
  for (const [, long] of table) if (long.toLowerCase() === lower) return n
  // The longest matching abbreviation wins ("Twe" before "Tw").
  let best: readonly [string, string] | undefined
  for (const entry of table) {
    const [short, long] = entry
    // Either the exact abbreviation ("BE" for Bundle-Ether) or a prefix of the long name.
    if (lower === short.toLowerCase() || (lower.startsWith(short.toLowerCase()) && long.toLowerCase().startsWith(lower))) {
      if (best === undefined || short.length > best[0].length) best = entry
    }
  }
  return best === undefined ? n : best[1] + m[2]
}

/**
 * Parent of a subinterface or logical unit ("Gi0/1.100" -> "Gi0/1", "ge-0/0/0.0" ->
 * "ge-0/0/0", "Ethernet1/1.20" -> "Ethernet1/1"); undefined for a plain interface.
 */
export function parentInterface (name: string): string | undefined {
  const m = /^(.+\d)\.(\d+)$/.exec(name.trim())
  return m === null ? undefined : m[1]
}

/** Hints that sharpen the type guess beyond the name. */
export interface TypeHints {
  /** "Hardware is ..." / hardware type text, e.g. "Gigabit Ethernet", "EtherSVI". */
  hardware?: string
  /** Media or transceiver text, e.g. "10GBase-SR", "SFP", "RJ45". */
  media?: string
  speedKbps?: number
}

const VIRTUAL_NAMES = /^(loopback|lo\d|lo$|vlan|vl\d|tunnel|tu\d|tunnel-te|irb|vlanif|nve|null|nu\d|bvi|bdi|vme|vtep|gr-|ip-|lt-|mt-|pd-|pe-|pimd|pime|ipip|lsi|dsc|gre|mtun|tap|vtun|cbp|pip|jsrv|esi|fti|rbeb|svi|vfc|bme|vxlan|dialer|virtual-|nvi|loopback)/i
const LAG_NAMES = /^(port-channel|po\d|ae\d|bundle-ether|be\d|trk\d|bond|lag\d|eth-trunk)/i

/** The fastest of the speeds (Mbit/s) a hardware text lists: "1000/10000 Ethernet" -> 10 Gbit/s. */
function maxSpeedKbps (hardware: string): number | undefined {
  const m = /((?:\d+\/)+\d+)\s*ethernet/.exec(hardware)
  if (m === null) return undefined
  return Math.max(...m[1].split('/').map(Number)) * 1000
}

/** Type slug for a speed (kbit/s) on an Ethernet port whose media is not known. */
export function typeFromSpeed (kbps: number | undefined): string | undefined {
  if (kbps === undefined || kbps <= 0) return undefined
  if (kbps <= 10_000) return '100base-tx' // 10M ports are 10/100 copper; NetBox has no 10base-t
  if (kbps <= 100_000) return '100base-tx'
  if (kbps <= 1_000_000) return '1000base-t'
  if (kbps <= 2_500_000) return '2.5gbase-t'
  if (kbps <= 5_000_000) return '5gbase-t'
  if (kbps <= 10_000_000) return '10gbase-x-sfpp'
  if (kbps <= 25_000_000) return '25gbase-x-sfp28'
  if (kbps <= 40_000_000) return '40gbase-x-qsfpp'
  if (kbps <= 50_000_000) return '50gbase-x-sfp56'
  if (kbps <= 100_000_000) return '100gbase-x-qsfp28'
  if (kbps <= 200_000_000) return '200gbase-x-qsfp56'
  if (kbps <= 400_000_000) return '400gbase-x-qsfpdd'
  return '800gbase-x-qsfpdd'
}

/** Type from a media/transceiver text, where it says more than the name does. */
function typeFromMedia (media: string): string | undefined {
  const m = media.toLowerCase()
  if (/10\/100\/1000|1000base-?t\b|rj-?45|basetx|base-tx|10\/100\b/.test(m)) {
    if (/1000/.test(m)) return '1000base-t'
    return '100base-tx'
  }
  if (/1000base-?(sx|lx|zx|ex|bx)|\bsfp\b|1000basex/.test(m) && !/sfp\+|sfp28|10g/.test(m)) return '1000base-x-sfp'
  if (/10gbase-?t\b/.test(m)) return '10gbase-t'
  if (/10gbase|sfp\+|sfp-10g/.test(m)) return '10gbase-x-sfpp'
  if (/25gbase|sfp28/.test(m)) return '25gbase-x-sfp28'
  if (/40gbase|qsfp\+|qsfp-40g/.test(m)) return '40gbase-x-qsfpp'
  if (/100gbase|qsfp28|qsfp-100g/.test(m)) return '100gbase-x-qsfp28'
  return undefined
}

/**
 * NetBox interface type slug for an interface: subinterfaces and logical interfaces are
 * "virtual", aggregates "lag", physical ports by name, then media, then speed; "other" when
 * nothing tells. (NetBox's own list: ../shared/corpus/netbox/interface-types-netbox-4.6.8.json.)
 */
export function guessInterfaceType (name: string, hints: TypeHints = {}): string {
  const n = name.trim()
  const lower = n.toLowerCase()
  if (parentInterface(n) !== undefined) return 'virtual'
  if (LAG_NAMES.test(lower)) return 'lag'
  if (VIRTUAL_NAMES.test(lower)) return 'virtual'
  const hw = (hints.hardware ?? '').toLowerCase()
  if (/svi|loopback|tunnel|virtual|\bvlan\b|null/.test(hw)) return 'virtual'
  if (/ether ?channel|port-channel|aggregat|bundle/.test(hw)) return 'lag'
  const media = hints.media === undefined ? undefined : typeFromMedia(hints.media)
  if (/^(fastethernet|fa\d)/.test(lower)) return '100base-tx'
  if (/^(gigabitethernet|gi\d|ge-)/.test(lower)) return media === '1000base-x-sfp' ? media : '1000base-t'
  if (/^(twogigabitethernet|tw\d|mge-)/.test(lower)) return '2.5gbase-t'
  if (/^(fivegigabitethernet|fi\d)/.test(lower)) return '5gbase-t'
  if (/^(tengigabitethernet|tengige|te\d|xe-)/.test(lower)) return media === '10gbase-t' ? media : '10gbase-x-sfpp'
  if (/^(twentyfivegig|twe\d|tf\d)/.test(lower)) return '25gbase-x-sfp28'
  if (/^(fortygig|fo\d)/.test(lower)) return '40gbase-x-qsfpp'
  if (/^(hundredgig|hu\d)/.test(lower)) return '100gbase-x-qsfp28'
  if (/^(fourhundredgig|fh\d)/.test(lower)) return '400gbase-x-qsfpdd'
  if (/^(mgmt|management|mgmteth|fxp|em\d|me\d)/.test(lower)) return media ?? '1000base-t'
  if (media !== undefined) return media
  // Generic names (Ethernet1/1, et-0/0/0, ProCurve "1" or "A1") say nothing; the port's
  // fastest speed does ("100/1000/10000/25000 Ethernet" is an SFP28 port running at 10G),
  // else the speed it runs at.
  if (/^(ethernet|eth\d|et-|\d|[a-z]\d+$)/.test(lower) || /ethernet/.test(hw)) {
    const bySpeed = typeFromSpeed(maxSpeedKbps(hw) ?? hints.speedKbps)
    if (bySpeed !== undefined) return bySpeed
  }
  return 'other'
}
