// Cables from what neighbours say. A device's LLDP/CDP table names the far end by system name and
// port; a cable is only certain when the agent also discovered that far device in the same run
// and finds the port among its interfaces, so an adjacency to anything else (a phone, a server
// the agent does not reach, a device of another run) gives no cable. Both ends usually report the
// adjacency: each pair of ports is one cable, oriented the same way whichever side saw it.
import { isIP } from 'node:net'
import { isCableableInterfaceType, timestampFromDate } from '../../proto/index.ts'
import type { Device, Entity, Interface } from '../../proto/index.ts'
import type { DiscoveredDevice, DiscoveredInterface, DiscoveredNeighbor } from '../model.ts'
import { normalizeInterfaceName } from './merge.ts'

/** A device as one run discovered and mapped it. */
export interface MappedDevice {
  discovered: DiscoveredDevice
  /** The Device entity sent for it (the first entity toEntities() returns). */
  device: Device
}

export interface ToCablesOptions {
  /** Timestamp put on every entity; default now. */
  now?: Date
}

interface Endpoint { device: MappedDevice, iface: DiscoveredInterface }

/** How a neighbour table's system name is compared with a device name: case-insensitive and
 * without the domain ("core1.lab.example" and "CORE1" are one device), addresses as they are. */
export function systemKey (name: string): string {
  const n = name.trim().toLowerCase().replace(/\.$/, '')
  return isIP(n) !== 0 ? n : n.split('.')[0]
}

/** Lower-case hex digits of a MAC in any notation ("5254.00e1.0002"), or undefined. */
function macKey (text: string | undefined): string | undefined {
  const hex = text?.toLowerCase().replace(/[^0-9a-f]/g, '')
  return hex !== undefined && hex.length === 12 && /^[0-9a-f:.\- ]+$/i.test(text!) ? hex : undefined
}

/** The one interface of `device` a neighbour entry names, by name (any spelling merge.ts knows) or,
 * as Linux lldpd reports ports, by MAC; undefined when none or several match. */
function findInterface (device: DiscoveredDevice, name: string | undefined, byMac = false): DiscoveredInterface | undefined {
  if (name === undefined || name.trim() === '') return undefined
  const exact = device.interfaces.filter((i) => i.name === name)
  if (exact.length === 1) return exact[0]
  const key = normalizeInterfaceName(name)
  const spelled = device.interfaces.filter((i) => normalizeInterfaceName(i.name) === key)
  if (spelled.length === 1) return spelled[0]
  const mac = byMac ? macKey(name) : undefined
  if (mac === undefined) return undefined
  // A LAG or an SVI often shares its MAC with a member port: only ports that can carry a cable.
  const owners = device.interfaces.filter((i) => macKey(i.mac) === mac && isCableable(i))
  return owners.length === 1 ? owners[0] : undefined
}

function isCableable (i: DiscoveredInterface): boolean {
  return i.type === undefined || isCableableInterfaceType(i.type)
}

/** The far port: the port id names it (or is its MAC); failing that, lldpd and some switches put
 * the port's name in the port description. */
function farPort (device: DiscoveredDevice, n: DiscoveredNeighbor): DiscoveredInterface | undefined {
  return findInterface(device, n.remotePort, true) ?? findInterface(device, n.remotePortDescription)
}

const endpointKey = (e: Endpoint): string => `${e.device.device.name ?? ''}\u0000${e.iface.name}`

/** One Cable entity (status connected) per pair of ports that neighbour tables of `devices`
 * connect, both ends being among `devices`. A port seen with more than one neighbour (a hub, a
 * shared segment, a stale entry) gets no cable: which one is plugged in cannot be told. */
export function toCables (devices: MappedDevice[], options: ToCablesOptions = {}): Entity[] {
  const timestamp = timestampFromDate(options.now ?? new Date())
  const bySystem = new Map<string, MappedDevice | null>()
  for (const d of devices) {
    for (const name of new Set([d.device.name, d.discovered.hostname].filter((x): x is string => x !== undefined && x !== ''))) {
      const k = systemKey(name)
      // Two devices answering to one name: neither can be told from the other.
      bySystem.set(k, bySystem.has(k) && bySystem.get(k) !== d ? null : d)
    }
  }

  const pairs = new Map<string, [Endpoint, Endpoint]>()
  const peers = new Map<string, Set<string>>()
  const peer = (a: Endpoint, b: Endpoint): void => {
    let s = peers.get(endpointKey(a))
    if (!s) peers.set(endpointKey(a), (s = new Set()))
    s.add(endpointKey(b))
  }
  for (const d of devices) {
    for (const n of d.discovered.neighbors) {
      const far = n.remoteSystemName === undefined ? undefined : bySystem.get(systemKey(n.remoteSystemName))
      if (far === undefined || far === null) continue
      const local = findInterface(d.discovered, n.localInterface)
      const remote = farPort(far.discovered, n)
      if (local === undefined || remote === undefined || !isCableable(local) || !isCableable(remote)) continue
      const ends: [Endpoint, Endpoint] = [{ device: d, iface: local }, { device: far, iface: remote }]
      if (endpointKey(ends[0]) === endpointKey(ends[1])) continue
      // A by (device name, port name), so both sides' reports give the same cable.
      ends.sort((x, y) => endpointKey(x) < endpointKey(y) ? -1 : 1)
      pairs.set(`${endpointKey(ends[0])}\u0001${endpointKey(ends[1])}`, ends)
      peer(ends[0], ends[1])
      peer(ends[1], ends[0])
    }
  }

  const out: Entity[] = []
  for (const [a, b] of pairs.values()) {
    if (peers.get(endpointKey(a))!.size > 1 || peers.get(endpointKey(b))!.size > 1) continue
    out.push({
      timestamp,
      cable: {
        a_terminations: [{ object_interface: interfaceRef(a) }],
        b_terminations: [{ object_interface: interfaceRef(b) }],
        status: 'connected'
      }
    })
  }
  return out
}

// The cable's request may be reconciled before its devices' requests (the reconciler applies
// batches side by side), so the far device is named fully enough to be created, with the values
// its own entity sends in the same run: whichever is applied first, both converge.
function interfaceRef (e: Endpoint): Interface {
  const d = e.device.device
  const device: Device = { name: d.name, site: d.site, device_type: d.device_type, role: d.role }
  return { name: e.iface.name, device }
}
