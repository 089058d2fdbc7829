// The host facts of a Linux machine: name, distribution, kernel, DMI hardware identity, link
// speeds from sysfs, and LLDP neighbours from lldpd. Each reader takes one command's output.
import type { DiscoveredInterface, DiscoveredNeighbor } from '../../model.ts'
import type { DeviceFragment } from '../driver.ts'
import { typeFromSpeed } from '../parse/interface-name.ts'

export function parseHostname (output: string): DeviceFragment {
  const name = output.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '')
  return name !== undefined && /^[\w.-]+$/.test(name) ? { hostname: name } : {}
}

/** /etc/os-release (os-release(5)): KEY=value lines, values optionally quoted. */
export function parseOsRelease (output: string): DeviceFragment {
  const kv = new Map<string, string>()
  for (const line of output.split(/\r?\n/)) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim())
    if (m === null) continue
    let v = m[2].trim()
    if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1)
    kv.set(m[1], v.replace(/\\(["'$`\\])/g, '$1'))
  }
  const name = kv.get('NAME')
  if (name === undefined && kv.get('PRETTY_NAME') === undefined) return {}
  const version = kv.get('VERSION_ID')
  const out: DeviceFragment = { osFamily: 'linux' }
  const platform = name !== undefined ? [name, version].filter((x) => x !== undefined).join(' ') : kv.get('PRETTY_NAME')
  if (platform !== undefined) out.platform = platform
  if (version !== undefined) out.osVersion = version
  return out
}

/** `uname -r`: the kernel release, as the description (the distribution is the platform). */
export function parseKernelRelease (output: string): DeviceFragment {
  const release = output.trim().split(/\s+/)[0]
  return release !== undefined && /^\d+\.\d+/.test(release) ? { description: `Linux ${release}` } : {}
}

// Values firmware vendors leave in DMI fields they never filled in.
const DMI_PLACEHOLDER = /^(?:to be filled by o\.?e\.?m\.?|default string|system (?:product name|manufacturer|serial number)|not specified|not applicable|none|n\/a|unknown|0+|123456789|0123456789|x+|\s*)$/i

function dmiValue (output: string): string | undefined {
  const v = output.trim()
  return v === '' || DMI_PLACEHOLDER.test(v) ? undefined : v
}

export function parseDmiVendor (output: string): DeviceFragment {
  const v = dmiValue(output)
  return v === undefined ? {} : { manufacturer: v }
}

export function parseDmiProduct (output: string): DeviceFragment {
  const v = dmiValue(output)
  return v === undefined ? {} : { model: v }
}

export function parseDmiSerial (output: string): DeviceFragment {
  const v = dmiValue(output)
  return v === undefined ? {} : { serial: v }
}

/**
 * `grep -Hs . /sys/class/net/* /speed .../duplex .../device/vendor`: "path:value" lines. Only a
 * link backed by a device (PCI, virtio, USB: it has device/vendor) is a port whose type follows
 * from its speed; bonds, bridges and VLANs report speeds too but are typed from `ip -d`.
 */
export function parseSysfsLinks (output: string): DeviceFragment {
  const byName = new Map<string, DiscoveredInterface>()
  const physical = new Set<string>()
  for (const line of output.split(/\r?\n/)) {
    const m = /^\/sys\/class\/net\/([^/]+)\/(speed|duplex|device\/vendor):(.*)$/.exec(line.trim())
    if (m === null) continue
    const [, name, key, value] = m
    const iface = byName.get(name) ?? { name }
    byName.set(name, iface)
    if (key === 'device/vendor') {
      physical.add(name)
    } else if (key === 'speed') {
      const mbps = Number(value)
      // -1 (or 4294967295 on old kernels) means no link: the speed is not known.
      if (Number.isInteger(mbps) && mbps > 0 && mbps < 4_000_000) iface.speedKbps = mbps * 1000
    } else if (value === 'full' || value === 'half') {
      iface.duplex = value
    }
  }
  for (const name of physical) {
    const iface = byName.get(name)!
    const type = typeFromSpeed(iface.speedKbps)
    if (type !== undefined) iface.type = type
  }
  return { interfaces: [...byName.values()].filter((i) => Object.keys(i).length > 1) }
}

type JsonRecord = Record<string, unknown>
const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): unknown[] => Array.isArray(v) ? v : v === undefined ? [] : [v]

/** lldpctl prints single values as strings and some as {"value": ...}. */
function text (v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v
  if (isRecord(v)) return text(v.value)
  if (Array.isArray(v)) return text(v[0])
  return undefined
}

/** Name-keyed objects ({"eth0": {...}}) become [name, value] pairs; lists of them too. */
function named (v: unknown): Array<[string, JsonRecord]> {
  const out: Array<[string, JsonRecord]> = []
  for (const item of list(v)) {
    if (!isRecord(item)) continue
    // json0 form: {"name": "eth0", ...}
    if (typeof item.name === 'string' && !isRecord(item[item.name])) { out.push([item.name, item]); continue }
    for (const [k, val] of Object.entries(item)) if (isRecord(val)) out.push([k, val])
  }
  return out
}

/**
 * `lldpctl -f json` (lldpd 0.9+). Its shape varies with the number of entries: one neighbour is
 * an object, several a list; a chassis is keyed by its system name when it has one.
 */
export function parseLldpctlJson (output: string): DeviceFragment {
  const start = output.indexOf('{')
  if (start === -1) return {}
  let doc: unknown
  try { doc = JSON.parse(output.slice(start)) } catch { return {} }
  if (!isRecord(doc)) return {}
  const neighbors: DiscoveredNeighbor[] = []
  for (const lldp of list(doc.lldp)) {
    if (!isRecord(lldp)) continue
    for (const [localInterface, entry] of named(lldp.interface)) {
      const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface }
      let chassis: JsonRecord | undefined
      let chassisName: string | undefined
      const c = isRecord(entry.chassis) ? entry.chassis : Array.isArray(entry.chassis) && isRecord(entry.chassis[0]) ? entry.chassis[0] : undefined
      if (c !== undefined) {
        if (c.id !== undefined || c.descr !== undefined) {
          chassis = c
          chassisName = text(c.name)
        } else {
          const first = named(c)[0]
          if (first !== undefined) [chassisName, chassis] = first
        }
      }
      if (chassisName !== undefined) n.remoteSystemName = chassisName
      if (chassis !== undefined) {
        const id = text(chassis.id)
        if (id !== undefined) n.remoteChassisId = id
        const mgmt = text(chassis['mgmt-ip'])
        if (mgmt !== undefined) n.remoteManagementAddress = mgmt
        const descr = text(chassis.descr)
        if (descr !== undefined) n.remotePlatform = descr
      }
      const port = isRecord(entry.port) ? entry.port : Array.isArray(entry.port) && isRecord(entry.port[0]) ? entry.port[0] : undefined
      if (port !== undefined) {
        const id = text(port.id)
        if (id !== undefined) n.remotePort = id
        const descr = text(port.descr)
        if (descr !== undefined) n.remotePortDescription = descr
      }
      neighbors.push(n)
    }
  }
  return { neighbors }
}
