// Linux hosts (servers, white-box switches, appliances) over exec channels: each command gets an
// exit status, so no prompt, paging or enable is involved. iproute2's JSON is preferred; where
// `ip` has no -j (iproute2 before 4.14, BusyBox) the text form is read instead.
//
// One `ip -d addr show` gives what `ip addr`, `ip link` and `ip -d link` give together (addresses,
// link state, and the bond/VLAN/VRF details an address's VRF depends on), so it is the only ip
// command run; the others are still parsed for `tributary parse`.
// Routes (`ip route show table all`) are not read: the model has no place for them, prefixes
// come from the addresses, and VRFs come from the VRF devices in `ip -d link`.
import type { DeviceFragment, Driver } from '../driver.ts'
import {
  parseDmiProduct, parseDmiSerial, parseDmiVendor, parseHostname, parseKernelRelease, parseLldpctlJson, parseOsRelease,
  parseSysfsLinks
} from './linux-host.ts'
import { linksToFragment, parseIpOutput } from './linux-ip.ts'

// grep -H names the file on each line; -s and `|| true` because virtual links refuse to report a
// speed (EINVAL) and that must not fail the command.
const SYSFS_LINKS = 'grep -Hs . /sys/class/net/*/speed /sys/class/net/*/duplex /sys/class/net/*/device/vendor || true'

const parsers: Record<string, (output: string) => DeviceFragment> = {
  hostname: parseHostname,
  'cat /etc/os-release': parseOsRelease,
  'uname -r': parseKernelRelease,
  'ip -j -d addr show': (o) => linksToFragment(parseIpOutput(o)),
  'ip -d addr show': (o) => linksToFragment(parseIpOutput(o)),
  'ip -j addr show': (o) => linksToFragment(parseIpOutput(o)),
  'ip addr show': (o) => linksToFragment(parseIpOutput(o)),
  'ip -j -d link show': (o) => linksToFragment(parseIpOutput(o)),
  'ip -d link show': (o) => linksToFragment(parseIpOutput(o)),
  'ip -j link show': (o) => linksToFragment(parseIpOutput(o)),
  'ip link show': (o) => linksToFragment(parseIpOutput(o)),
  [SYSFS_LINKS]: parseSysfsLinks,
  'cat /sys/class/dmi/id/sys_vendor': parseDmiVendor,
  'cat /sys/class/dmi/id/product_name': parseDmiProduct,
  'cat /sys/class/dmi/id/product_serial': parseDmiSerial,
  'lldpctl -f json': parseLldpctlJson
}

const normalise = (command: string): string => command.trim().replace(/\s+/g, ' ')

export const linux: Driver = {
  name: 'linux',
  // The hardware vendor comes from DMI; "Linux" is not a manufacturer.
  manufacturer: '',
  transport: 'exec',
  setupCommands: [],
  needsEnable: false,
  promptPattern: /[\w@.:~/()[\]-]+\s?[$#]\s?$/,
  commands: [
    'hostname',
    'cat /etc/os-release',
    'uname -r',
    'ip -j -d addr show',
    SYSFS_LINKS,
    'cat /sys/class/dmi/id/sys_vendor',
    'cat /sys/class/dmi/id/product_name',
    'cat /sys/class/dmi/id/product_serial',
    'lldpctl -f json'
  ],
  fallbacks: {
    'ip -j -d addr show': 'ip -d addr show',
    // BusyBox ip has no -d at all.
    'ip -d addr show': 'ip addr show'
  },
  // DMI is absent in containers and VMs without it, product_serial is root-only, lldpd is often
  // not installed: none of these is worth a warning.
  optionalCommands: [
    'cat /sys/class/dmi/id/sys_vendor',
    'cat /sys/class/dmi/id/product_name',
    'cat /sys/class/dmi/id/product_serial',
    'lldpctl -f json'
  ],
  detect (text: string): boolean {
    // `uname -a` ("Linux host 6.1.0-18-amd64 #1 SMP ... GNU/Linux"), which Debian and Ubuntu also
    // print in their MOTD, or os-release.
    return /^Linux \S+ \d+\.\d+\S* #\d+/m.test(text) || /\bGNU\/Linux\b/.test(text) || /^ID(?:_LIKE)?="?[\w ]+"?$/m.test(text)
  },
  parseCommand (command: string, output: string): DeviceFragment {
    const parse = parsers[normalise(command)]
    if (parse === undefined || typeof output !== 'string') return {}
    try {
      return parse(output)
    } catch {
      return {}
    }
  }
}
