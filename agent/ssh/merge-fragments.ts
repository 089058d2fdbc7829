// Folds the fragments a driver parsed from each command into one DiscoveredDevice. Drivers list
// their commands most authoritative first (version before inventory, addresses before link
// details), so the first fragment to report a field wins and later ones only fill gaps. Lists are
// merged by identity: interfaces by name, addresses by (address, VRF), VLANs by VID, VRFs by
// name, inventory by (name, parent), neighbours by (protocol, local port, remote system, port).
import type {
  DiscoveredAddress, DiscoveredDevice, DiscoveredInterface, DiscoveredInventoryItem, DiscoveredNeighbor,
  DiscoveredVlan, DiscoveredVrf
} from '../model.ts'
import { emptyDevice } from '../model.ts'
import type { DeviceFragment } from './driver.ts'

type Scalars = Omit<DiscoveredDevice, 'source' | 'target' | 'interfaces' | 'addresses' | 'vlans' | 'vrfs' | 'inventory' | 'neighbors'>

const LIST_KEYS = new Set(['interfaces', 'addresses', 'vlans', 'vrfs', 'inventory', 'neighbors'])

function isSet (v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)
}

/** Copies fields of `from` that `into` lacks. */
function fill<T extends object> (into: T, from: Partial<T>): void {
  for (const [k, v] of Object.entries(from) as Array<[keyof T, T[keyof T]]>) {
    if (isSet(v) && !isSet(into[k])) into[k] = Array.isArray(v) ? [...v] as T[keyof T] : v
  }
}

class Keyed<T extends object> {
  readonly #items = new Map<string, T>()
  constructor (readonly key: (item: T) => string | undefined) {}

  add (item: T): void {
    const k = this.key(item)
    if (k === undefined) return
    const have = this.#items.get(k)
    if (have === undefined) this.#items.set(k, { ...item })
    else fill(have, item)
  }

  values (): T[] { return [...this.#items.values()] }
}

/** One DiscoveredDevice (source "ssh") from the fragments of one target, in command order. */
export function mergeFragments (target: string, fragments: Iterable<DeviceFragment>): DiscoveredDevice {
  const device = emptyDevice('ssh', target)
  const scalars: Partial<Scalars> = {}
  const interfaces = new Keyed<DiscoveredInterface>((i) => typeof i.name === 'string' && i.name !== '' ? i.name : undefined)
  const addresses = new Keyed<DiscoveredAddress>((a) => typeof a.address === 'string' ? `${a.vrf ?? ''}|${a.address.toLowerCase()}` : undefined)
  const vlans = new Keyed<DiscoveredVlan>((v) => Number.isInteger(v.vid) ? String(v.vid) : undefined)
  const vrfs = new Keyed<DiscoveredVrf>((v) => typeof v.name === 'string' && v.name !== '' ? v.name : undefined)
  const inventory = new Keyed<DiscoveredInventoryItem>((i) => typeof i.name === 'string' ? `${i.parent ?? ''}|${i.name}|${i.serial ?? ''}` : undefined)
  const neighbors = new Keyed<DiscoveredNeighbor>((n) => typeof n.localInterface === 'string'
    ? [n.protocol, n.localInterface, n.remoteSystemName ?? n.remoteChassisId ?? '', n.remotePort ?? ''].join('|')
    : undefined)
  for (const f of fragments) {
    if (f === null || typeof f !== 'object') continue
    for (const i of f.interfaces ?? []) interfaces.add(i)
    for (const a of f.addresses ?? []) addresses.add(a)
    for (const v of f.vlans ?? []) vlans.add(v)
    for (const v of f.vrfs ?? []) vrfs.add(v)
    for (const i of f.inventory ?? []) inventory.add(i)
    for (const n of f.neighbors ?? []) neighbors.add(n)
    const rest = Object.fromEntries(Object.entries(f).filter(([k]) => !LIST_KEYS.has(k))) as Partial<Scalars>
    fill(scalars, rest)
  }
  Object.assign(device, scalars)
  device.interfaces = interfaces.values()
  // Some platforms name an interface's VRF in one command and its addresses in another (Junos:
  // `show route instance` vs `show interfaces`): an address without a VRF is in its interface's.
  const vrfOf = new Map(device.interfaces.filter((i) => i.vrf !== undefined).map((i) => [i.name, i.vrf]))
  const placed = new Keyed<DiscoveredAddress>((a) => `${a.vrf ?? ''}|${a.address.toLowerCase()}`)
  for (const a of addresses.values()) {
    const vrf = a.vrf ?? (a.interface === undefined ? undefined : vrfOf.get(a.interface))
    placed.add(vrf === undefined ? a : { ...a, vrf })
  }
  device.addresses = placed.values()
  device.vlans = vlans.values().sort((a, b) => a.vid - b.vid)
  device.vrfs = vrfs.values()
  device.inventory = inventory.values()
  device.neighbors = neighbors.values()
  return device
}
